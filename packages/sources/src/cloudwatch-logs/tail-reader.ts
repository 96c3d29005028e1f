import type { CloudWatchLogsClient, LiveTailSessionLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { type ComponentContext, isRejection, type SourceBatch, type TrailEvent } from '@jackwatch/core';
import { AwsRequestError } from '../aws/aws-request-error.ts';
import type { CheckpointWriter } from './checkpoint-writer.ts';
import { liveTailSession } from './live-tail-session.ts';
import { decodeLogEvent } from './log-event-decoder.ts';
import { LogGroupNames } from './log-group-names.ts';
import type { LogGroupPosition } from './log-group-position.ts';
import type { LogGroupTarget } from './log-group-target.ts';
import type { PullReader } from './pull-reader.ts';
import { deliveryKey, RecentEvents } from './recent-events.ts';
import { backoffDelay } from '@jackwatch/core';
import type { RetryOptions } from '../aws/retry-aws.ts';
import { CLOUDWATCH_LOGS_BACKOFF } from './backoff-policy.ts';
import { METRICS } from '@jackwatch/core';

/** What Live Tail mode needs. */
export interface TailReaderOptions {
  readonly client: CloudWatchLogsClient;
  readonly context: ComponentContext;
  readonly pull: PullReader;
  readonly checkpoints: CheckpointWriter;
  /** Every target has its `arn` resolved. */
  readonly groups: readonly LogGroupTarget[];
  readonly filterPattern: string;
  readonly logStreamNamePrefix: string | undefined;
  readonly ingestionDelay: number;
  readonly pollInterval: number;
  /** A message larger than this many bytes is rejected unparsed. */
  readonly maxRecordSize: number;
}

/** What one session has covered so far. */
interface Coverage {
  /** When the session started (our clock). */
  readonly startedAt: number;
  /** True once FilterLogEvents has read the gap up to `startedAt`. */
  gapClosed: boolean;
  /** The newest ingestion time the tail delivered: every event ingested before it was delivered. */
  ingestedUpTo: number;
}

type SessionEnd = 'timed-out' | 'sampled';

/**
 * Live Tail mode: catch up with FilterLogEvents under the lag guard, then
 * follow the groups with StartLiveTail for second-level latency. Each session
 * first re-reads the gap since the last safe position with FilterLogEvents
 * (so events ingested while no session was open are not lost), then streams.
 * Sessions end after 3 hours or break; the reader reconnects (breaks with
 * backoff) and closes the gap again, dropping what the tail already
 * delivered — recognised by CloudTrail event id, however the session names
 * the log group (name, ARN with or without `:*`, `account-id:name`).
 *
 * The checkpoint only holds positions that are safe under the lag guard: an
 * event older than `ingestedUpTo − ingestionDelay` was ingested before the
 * tail's last delivered event, so it was delivered.
 */
export class TailReader {
  readonly #options: TailReaderOptions;
  readonly #recent = new RecentEvents();
  readonly #names: LogGroupNames;
  readonly #labels: Readonly<Record<string, string>>;

  constructor(options: TailReaderOptions) {
    this.#options = options;
    this.#names = new LogGroupNames(options.groups);
    this.#labels = { source: options.context.id };
  }

  /** Yields batches until `retry.signal` aborts; throws only fatal errors (permissions, credentials). */
  async *read(retry: RetryOptions): AsyncGenerator<SourceBatch> {
    const { context, pull, checkpoints, ingestionDelay, pollInterval } = this.#options;
    yield* pull.readUntil(context.clock.now() - ingestionDelay, retry, (identifier, next) => checkpoints.commit(identifier, next));
    for (let failures = 0; !retry.signal.aborted; ) {
      const coverage: { current: Coverage | undefined } = { current: undefined };
      try {
        const end = yield* this.#session(retry, coverage);
        failures = 0;
        this.#rewind(coverage.current);
        context.logger.info(end === 'sampled' ? 'Live Tail session sampled its events; re-reading with FilterLogEvents' : 'Live Tail session ended; reconnecting');
        // A session that ends right after it began (sampling, or a server closing it early) must not become a reconnect storm.
        const brief = coverage.current === undefined || context.clock.now() - coverage.current.startedAt < pollInterval;
        if (end === 'sampled' || brief) await context.clock.sleep(pollInterval, retry.signal);
      } catch (error) {
        if (retry.signal.aborted) return;
        if (error instanceof AwsRequestError && retry.isFatal?.(error) === true) throw error;
        this.#rewind(coverage.current);
        const wait = backoffDelay(++failures, CLOUDWATCH_LOGS_BACKOFF);
        // Sessions end (after three hours, on any network fault): reconnecting re-reads the gap, nothing is lost.
        context.logger.warn(`Live Tail session ended, reconnecting in ${wait} ms: ${error instanceof Error ? error.message : String(error)}`);
        await context.clock.sleep(wait, retry.signal);
      }
    }
  }

  async *#session(retry: RetryOptions, coverage: { current: Coverage | undefined }): AsyncGenerator<SourceBatch, SessionEnd> {
    const { client, context, pull, checkpoints, groups, filterPattern, logStreamNamePrefix, ingestionDelay } = this.#options;
    const request = { logGroupArns: groups.map((group) => group.arn ?? group.identifier), logStreamNamePrefix, filterPattern };
    for await (const update of liveTailSession(client, request, retry)) {
      if (update.kind === 'started') {
        const startedAt = context.clock.now();
        const current: Coverage = { startedAt, gapClosed: false, ingestedUpTo: startedAt };
        coverage.current = current;
        context.telemetry.add(METRICS.cloudwatchLogsTailSessions.name, 1, this.#labels);
        const commitGap = (identifier: string, next: LogGroupPosition): Promise<void> =>
          checkpoints.commit(identifier, next.timestamp <= startedAt - ingestionDelay ? next : { timestamp: startedAt - ingestionDelay, eventIds: [] });
        yield* pull.readUntil(startedAt, retry, commitGap, this.#recent);
        current.gapClosed = true;
        continue;
      }
      const current = coverage.current;
      if (current === undefined) continue;
      const events = this.#decode(update.events);
      if (update.sampled) {
        context.telemetry.add(METRICS.cloudwatchLogsTailSampled.name, 1, this.#labels);
        context.logger.warn('Live Tail is sampling (over 500 events/s): narrow filterPattern or use mode: pull', { source: context.id });
        if (events.length > 0) yield { events };
        return 'sampled';
      }
      for (const event of update.events) current.ingestedUpTo = Math.max(current.ingestedUpTo, event.ingestionTime ?? 0);
      const safe = { timestamp: current.ingestedUpTo - ingestionDelay, eventIds: [] };
      yield { events, ack: () => this.#commitAll(safe) };
    }
    return 'timed-out';
  }

  #decode(logEvents: readonly LiveTailSessionLogEvent[]): TrailEvent[] {
    const { context } = this.#options;
    const events: TrailEvent[] = [];
    for (const { logGroupIdentifier = '', logStreamName = '', timestamp = 0, message = '' } of logEvents) {
      const identifier = this.#names.identifierOf(logGroupIdentifier) ?? logGroupIdentifier;
      const origin = { source: context.id, location: `${identifier}/${logStreamName}`, index: `live-tail:${timestamp}` };
      const result = decodeLogEvent(message, origin, this.#options.maxRecordSize);
      if (!this.#recent.remember(deliveryKey(result, { logGroup: identifier, logStream: logStreamName, timestamp }, message))) {
        context.telemetry.add(METRICS.cloudwatchLogsDuplicatesDropped.name, 1, this.#labels);
        continue;
      }
      if (isRejection(result)) context.errors.reject(result);
      else events.push(result);
    }
    context.telemetry.add(METRICS.cloudwatchLogsEventsRead.name, logEvents.length, this.#labels);
    return events;
  }

  async #commitAll(position: LogGroupPosition): Promise<void> {
    for (const group of this.#options.groups) await this.#options.checkpoints.commit(group.identifier, position);
  }

  /**
   * After a session: move every group back to the last position that is safe
   * under the lag guard, for the next session's gap read — from where the
   * tail's coverage ends once the gap was closed, else no further than the
   * gap read got by the session start.
   */
  #rewind(coverage: Coverage | undefined): void {
    if (coverage === undefined) return;
    const { pull, ingestionDelay } = this.#options;
    for (const { identifier } of this.#options.groups) {
      if (coverage.gapClosed) {
        pull.moveTo(identifier, { timestamp: coverage.ingestedUpTo - ingestionDelay, eventIds: [] });
        continue;
      }
      const read = pull.position(identifier);
      const guard = coverage.startedAt - ingestionDelay;
      pull.moveTo(identifier, read.timestamp <= guard ? read : { timestamp: guard, eventIds: [] });
    }
  }
}
