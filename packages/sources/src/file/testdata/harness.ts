// Test support for the file source's tests (kept under testdata/ so it is not built).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  CounterSet,
  MemoryCheckpointStore,
  silentLogger,
  systemClock,
  type CheckpointStore,
  type Clock,
  type ComponentContext,
  type ErrorReporter,
  type Interest,
  type Rejection,
  type Source,
  type SourceBatch,
  type TrailEvent,
} from '@jackwatch/core';
import { fileSourceConfigSchema } from '../config.ts';
import { FileSource } from '../file-source.ts';

/** The hand-written delivery file beside this harness (4 records, 3 of them Bedrock). */
export const DELIVERY_FILE = fileURLToPath(new URL('./delivery-file.json', import.meta.url));

/** The public corpus, read in place (never copied); `undefined` when `../shared` is absent. */
export const PUBLIC_CORPUS = ((): string | undefined => {
  const path = fileURLToPath(new URL('../../../../../../shared/data/cloudtrail/derived/combined-real-records.json.gz', import.meta.url));
  return existsSync(path) ? path : undefined;
})();

/** An ErrorReporter that keeps what it is told. */
export class RecordingErrors implements ErrorReporter {
  readonly rejections: Rejection[] = [];
  readonly errors: unknown[] = [];

  reject(rejection: Rejection): void {
    this.rejections.push(rejection);
  }

  error(_componentId: string, error: unknown): void {
    this.errors.push(error);
  }

  /** Rejections of one reason. */
  of(reason: Rejection['reason']): Rejection[] {
    return this.rejections.filter((r) => r.reason === reason);
  }
}

/** A clock whose sleeps end when the test calls {@link ManualClock.tick}: polls happen exactly when a test says so. */
export class ManualClock implements Clock {
  readonly #sleepers: Array<() => void> = [];
  readonly #watchers: Array<() => void> = [];

  now(): number {
    return Date.now();
  }

  sleep(_ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted === true) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.#sleepers.push(resolve);
      for (const watcher of this.#watchers.splice(0)) watcher();
    });
  }

  /** Resolves once someone is sleeping (the source finished a poll). */
  sleeping(): Promise<void> {
    return this.#sleepers.length > 0 ? Promise.resolve() : new Promise((resolve) => this.#watchers.push(resolve));
  }

  /** Ends every current sleep. */
  tick(): void {
    for (const sleeper of this.#sleepers.splice(0)) sleeper();
  }
}

/** A real context for a test source, plus handles on what it records. */
export interface TestSetup {
  readonly context: ComponentContext;
  readonly errors: RecordingErrors;
  readonly telemetry: CounterSet;
  readonly checkpoints: CheckpointStore;
}

/** Builds a context; pass the same `checkpoints` to simulate a restart. */
export function testSetup(baseDir: string, options: { checkpoints?: CheckpointStore; interest?: Interest; id?: string; clock?: Clock } = {}): TestSetup {
  const errors = new RecordingErrors();
  const telemetry = new CounterSet();
  const id = options.id ?? 'file';
  const checkpoints = options.checkpoints ?? new MemoryCheckpointStore();
  const context: ComponentContext = {
    id,
    logger: silentLogger,
    clock: options.clock ?? systemClock,
    checkpoints: checkpoints.scope(id),
    telemetry,
    errors,
    interest: options.interest ?? 'all',
    baseDir,
  };
  return { context, errors, telemetry, checkpoints };
}

/** Creates a started source from a partial config. */
export async function startedSource(config: Record<string, unknown>, setup: TestSetup): Promise<FileSource> {
  const source = new FileSource(fileSourceConfigSchema.parse(config), setup.context);
  await source.start();
  return source;
}

/** Pulls every batch of `source`, acking each (in order) unless `ack` is false. */
export async function drain(source: Source, options: { ack?: boolean; signal?: AbortSignal } = {}): Promise<SourceBatch[]> {
  const batches: SourceBatch[] = [];
  for await (const batch of source.read(options.signal ?? new AbortController().signal)) {
    batches.push(batch);
    if (options.ack !== false) await batch.ack?.();
  }
  return batches;
}

/** The events of `batches`, in order. */
export function eventsOf(batches: readonly SourceBatch[]): TrailEvent[] {
  return batches.flatMap((b) => b.events);
}

/** A fresh temporary directory. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'jw-file-'));
}

/** Writes `content` at `dir/relative`, creating directories; gzips it when the name ends in `.gz`. */
export async function put(dir: string, relative: string, content: string | Buffer): Promise<string> {
  const path = join(dir, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, relative.endsWith('.gz') ? gzipSync(content) : content);
  return path;
}

/**
 * A CloudTrail record numbered `n` (eventID `<prefix>-<n>`, one second apart),
 * padded to about the size of a real one.
 */
export function trailRecord(n: number, overrides: Record<string, unknown> = {}, prefix = 'evt'): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAEXAMPLE000000001', userName: 'alice' },
    eventTime: new Date(Date.UTC(2024, 9, 17, 20, 0, n)).toISOString().replace('.000Z', 'Z'),
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { bucketName: 'app-data', key: `reports/${n}.csv`, note: 'padding '.repeat(100) },
    eventID: `${prefix}-${n}`,
    recipientAccountId: '111122223333',
    ...overrides,
  };
}

/** Records `from` … `to - 1` as a delivery document. */
export function deliveryDocument(from: number, to: number, prefix = 'evt'): string {
  return JSON.stringify({ Records: range(from, to).map((n) => trailRecord(n, {}, prefix)) });
}

/** Records `from` … `to - 1` as NDJSON (with a final newline). */
export function ndjson(from: number, to: number, prefix = 'evt'): string {
  return range(from, to).map((n) => `${JSON.stringify(trailRecord(n, {}, prefix))}\n`).join('');
}

/** `[from, to)`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The records of the hand-written delivery file. */
export async function deliveryFileRecords(): Promise<Array<Record<string, unknown>>> {
  return (JSON.parse(await readFile(DELIVERY_FILE, 'utf8')) as { Records: Array<Record<string, unknown>> }).Records;
}
