import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsJsonError } from './aws-json-error.ts';
import { describeLogGroups, type DescribeLogGroupsInput } from './describe-log-groups.ts';
import { FakeLogStore } from './fake-log-store.ts';
import { filterLogEvents, type FilterLogEventsInput } from './filter-log-events.ts';
import { LiveTailSessions, type StartLiveTailInput } from './live-tail.ts';

/** Options of {@link startFakeCloudWatchLogs}. */
export interface FakeCloudWatchLogsOptions {
  /** Region in the ARNs (default `us-east-1`). */
  readonly region?: string;
  /** Most events per FilterLogEvents page, whatever `limit` asks (default 10 000, as CloudWatch). */
  readonly pageSize?: number;
  /** The fake's clock for ingestion times (default `Date.now`). */
  readonly now?: () => number;
}

/** One request the fake answered (or failed), for assertions. */
export interface RecordedRequest {
  /** The operation, e.g. `FilterLogEvents`. */
  readonly operation: string;
  readonly input: Record<string, unknown>;
  /** The error type answered, if any. */
  readonly error?: string;
  /** True when the fake held the call unanswered ({@link FakeCloudWatchLogs.stall}). */
  readonly stalled?: boolean;
}

/** Totals of what FilterLogEvents searched and returned. */
export interface FakeReadStats {
  searched: number;
  returned: number;
  returnedBytes: number;
}

/** A running fake; see {@link startFakeCloudWatchLogs}. */
export interface FakeCloudWatchLogs {
  /** `http://127.0.0.1:<port>`, for the client's `endpoint`. */
  readonly endpoint: string;
  readonly store: FakeLogStore;
  readonly liveTail: LiveTailSessions;
  readonly requests: RecordedRequest[];
  readonly reads: FakeReadStats;
  /** Answers the next `times` calls of `operation` with the error `type` (e.g. `ThrottlingException`). */
  failNext(operation: string, type: string, times?: number, message?: string): void;
  /**
   * Holds `times` calls of `operation` unanswered until the client gives up on
   * them or the fake closes: the next ones, or those after `after` more are answered.
   */
  stall(operation: string, times?: number, after?: number): void;
  /** Resolves once `count` calls have been held by {@link stall}. */
  waitForStalled(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a CloudWatch Logs fake on 127.0.0.1 speaking the real AWS JSON 1.1
 * protocol (`POST /`, `x-amz-target: Logs_20140328.<Operation>`), for the real
 * `@aws-sdk/client-cloudwatch-logs` with `endpoint` set to
 * {@link FakeCloudWatchLogs.endpoint}: FilterLogEvents (paging, filter
 * patterns, typed errors), DescribeLogGroups, and StartLiveTail as an event
 * stream (the client needs `disableHostPrefix: true`). Signatures are not checked.
 */
export async function startFakeCloudWatchLogs(options: FakeCloudWatchLogsOptions = {}): Promise<FakeCloudWatchLogs> {
  const store = new FakeLogStore(options.region ?? 'us-east-1', options.now ?? Date.now);
  const liveTail = new LiveTailSessions(store);
  const requests: RecordedRequest[] = [];
  const reads: FakeReadStats = { searched: 0, returned: 0, returnedBytes: 0 };
  const faults = new Map<string, { type: string; message: string }[]>();
  const stalls = new Map<string, { after: number; times: number }>();
  const stalledWaiters: { count: number; resolve: () => void }[] = [];
  let stalled = 0;
  const pageSize = options.pageSize ?? 10_000;

  // True when the call is held unanswered: the request stays open until the client or the fake closes it.
  const stallIfAsked = (operation: string, input: Record<string, unknown>): boolean => {
    const stall = stalls.get(operation);
    if (stall === undefined || stall.times === 0) return false;
    if (stall.after > 0) {
      stall.after--;
      return false;
    }
    stall.times--;
    requests.push({ operation, input, stalled: true });
    stalled++;
    for (const waiter of stalledWaiters.filter((w) => w.count <= stalled)) {
      stalledWaiters.splice(stalledWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    return true;
  };

  const answer = (operation: string, input: Record<string, unknown>, response: ServerResponse): void => {
    const fault = faults.get(operation)?.shift();
    if (fault) throw new AwsJsonError(fault.type, fault.message);
    switch (operation) {
      case 'FilterLogEvents': {
        const { body, cost } = filterLogEvents(store, input as FilterLogEventsInput, pageSize);
        reads.searched += cost.searched;
        reads.returned += cost.returned;
        reads.returnedBytes += cost.returnedBytes;
        sendJson(response, 200, body);
        return;
      }
      case 'DescribeLogGroups':
        sendJson(response, 200, describeLogGroups(store, input as DescribeLogGroupsInput));
        return;
      case 'StartLiveTail':
        liveTail.start(input as StartLiveTailInput, response);
        return;
      default:
        throw new AwsJsonError('UnknownOperationException', `The fake does not implement ${operation}`);
    }
  };

  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace(/^Logs_20140328\./, '');
      const input = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
      if (stallIfAsked(operation, input)) return;
      try {
        answer(operation, input, response);
        requests.push({ operation, input });
      } catch (error) {
        const failure = error instanceof AwsJsonError ? error : new AwsJsonError('ServiceUnavailableException', String(error), 500);
        requests.push({ operation, input, error: failure.type });
        sendJson(response, failure.status, { __type: failure.type, message: failure.message });
      }
    });
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    store,
    liveTail,
    requests,
    reads,
    failNext(operation, type, times = 1, message = `Rate exceeded (${type} from the fake)`) {
      const queue = faults.get(operation) ?? [];
      for (let i = 0; i < times; i++) queue.push({ type, message });
      faults.set(operation, queue);
    },
    stall(operation, times = 1, after = 0) {
      stalls.set(operation, { after, times });
    },
    waitForStalled(count) {
      if (stalled >= count) return Promise.resolve();
      return new Promise((resolve) => stalledWaiters.push({ count, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        liveTail.breakAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(text);
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
