import { type CheckpointStore, type Interest, type Logger, MemoryCheckpointStore, type TrailEvent, unionInterest } from '@jackwatch/core';
import { type ManualClock, testContext, type TestContext } from '@jackwatch/core/testing';
import { bedrockDetectors } from '@jackwatch/detectors';
import { CloudWatchLogsSource, cloudWatchLogsSourceConfigSchema } from '@jackwatch/sources';
import type { FakeCloudWatchLogs } from '../../support/cloudwatch-logs-fake/index.ts';

/** Static fake credentials: the fake checks no signature, but the SDK signs every request. */
export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDFAKEFAKEFAKEFAKE', secretAccessKey: 'fake-secret-access-key' };

/** What the shipped Bedrock detectors can match, from the real factories with default config. */
export function bedrockInterest(): Interest {
  const context = testContext('interest');
  return unionInterest(bedrockDetectors.map((factory) => factory.create(factory.configSchema.parse({}), context).interest));
}

/** A source under test, with its context (telemetry, reported errors) and shared checkpoint store. */
export interface SourceUnderTest {
  readonly source: CloudWatchLogsSource;
  readonly context: TestContext;
  readonly checkpoints: CheckpointStore;
}

/**
 * Builds a `cloudwatch-logs` source against the fake the way the runtime
 * would: config through the schema (endpoint, region), a real component
 * context, the real SDK client with static fake credentials.
 */
export function sourceAgainst(
  fake: FakeCloudWatchLogs,
  config: Record<string, unknown>,
  options: { clock: ManualClock; interest?: Interest; checkpoints?: CheckpointStore; id?: string; logger?: Logger },
): SourceUnderTest {
  const id = options.id ?? 'cloudwatch-logs/test';
  const checkpoints = options.checkpoints ?? new MemoryCheckpointStore();
  const context = testContext(id, {
    clock: options.clock,
    interest: options.interest ?? bedrockInterest(),
    checkpoints,
    ...(options.logger !== undefined && { logger: options.logger }),
  });
  const parsed = cloudWatchLogsSourceConfigSchema.parse({ region: 'us-east-1', endpoint: fake.endpoint, maxAttempts: 2, ...config });
  const source = new CloudWatchLogsSource(parsed, context, { credentials: FAKE_CREDENTIALS });
  return {
    source,
    context,
    checkpoints,
  };
}

/** What reading produced. */
export interface ReadResult {
  readonly events: TrailEvent[];
  readonly batches: number;
}

/**
 * Reads until the source ends (or `signal` aborts), acknowledging each batch
 * once received — as the runtime does once its findings were delivered —
 * unless `ack` is false (a crash before delivery).
 */
export async function readAll(source: CloudWatchLogsSource, options: { signal?: AbortSignal; ack?: boolean } = {}): Promise<ReadResult> {
  const events: TrailEvent[] = [];
  let batches = 0;
  for await (const batch of source.read(options.signal ?? new AbortController().signal)) {
    batches++;
    events.push(...batch.events);
    if (options.ack !== false) await batch.ack?.();
  }
  return { events, batches };
}

/**
 * Reads in the background (acknowledging each batch) until `stop()`:
 * for the never-ending modes (polling, Live Tail).
 */
export function readInBackground(source: CloudWatchLogsSource): { events: TrailEvent[]; until(count: number): Promise<void>; stop(): Promise<ReadResult> } {
  const controller = new AbortController();
  const events: TrailEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let failure: unknown;
  const done = (async () => {
    let batches = 0;
    try {
      for await (const batch of source.read(controller.signal)) {
        batches++;
        events.push(...batch.events);
        await batch.ack?.();
        for (const waiter of waiters.filter((w) => events.length >= w.count)) waiter.resolve();
      }
    } catch (error) {
      failure = error;
      for (const waiter of waiters) waiter.resolve();
    }
    return { events, batches };
  })();
  return {
    events,
    until: (count) =>
      events.length >= count || failure !== undefined
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    stop: async () => {
      controller.abort(new Error('test stops reading'));
      const result = await done;
      if (failure !== undefined) throw failure;
      return result;
    },
  };
}

/** The `eventID`s of events, in delivery order. */
export function eventIds(events: readonly TrailEvent[]): string[] {
  return events.map((event) => event.eventId);
}

/** Resolves once `predicate` holds, checking every few milliseconds (the test's timeout bounds the wait). */
export async function waitUntil(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * Resolves once the `count`-th Live Tail session is open and its gap read
 * (FilterLogEvents up to the session start) was answered: from then on, an
 * event put into the fake reaches the source through the tail only.
 */
export async function tailSessionReady(fake: FakeCloudWatchLogs, count: number): Promise<void> {
  await waitUntil(() => {
    const starts = fake.requests.flatMap((request, index) => (request.operation === 'StartLiveTail' && request.error === undefined ? [index] : []));
    const start = starts[count - 1];
    return start !== undefined && fake.requests.slice(start + 1).some((request) => request.operation === 'FilterLogEvents');
  });
}
