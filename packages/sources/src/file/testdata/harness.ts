// Test support for the file source's tests (kept under testdata/ so it is not built).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type CheckpointStore, type Clock, type Interest, type Source, type SourceBatch, systemClock, type TrailEvent } from '@jackwatch/core';
import { testContext, type TestContext } from '@jackwatch/core/testing';
import { fileSourceConfigSchema } from '../config.ts';
import { FileSource } from '../file-source.ts';

/** The hand-written delivery file beside this harness (4 records, 3 of them Bedrock). */
export const DELIVERY_FILE = fileURLToPath(new URL('./delivery-file.json', import.meta.url));

/** The public corpus, read in place (never copied); `undefined` when `../shared` is absent. */
export const PUBLIC_CORPUS = ((): string | undefined => {
  const path = fileURLToPath(new URL('../../../../../../shared/data/cloudtrail/derived/combined-real-records.json.gz', import.meta.url));
  return existsSync(path) ? path : undefined;
})();

/** A context for a file source under test; pass the same `checkpoints` store to simulate a restart. */
export type TestSetup = TestContext;

/** A {@link testContext} for the file source (id `file` unless given) whose relative paths resolve in `baseDir`, on the real clock unless given. */
export function testSetup(baseDir: string, options: { checkpoints?: CheckpointStore; interest?: Interest; id?: string; clock?: Clock } = {}): TestSetup {
  return testContext(options.id ?? 'file', { ...options, baseDir, clock: options.clock ?? systemClock });
}

/** Creates a started source from a partial config. */
export async function startedSource(config: Record<string, unknown>, setup: TestSetup): Promise<FileSource> {
  const source = new FileSource(fileSourceConfigSchema.parse(config), setup);
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
/** Pulls batches (acking each) until one has events: follow mode also yields empty end-of-file batches. */
export async function nextEvents(batches: AsyncIterator<SourceBatch>): Promise<SourceBatch> {
  for (;;) {
    const next = await batches.next();
    if (next.done === true) throw new Error('the source ended');
    await next.value.ack?.();
    if (next.value.events.length > 0) return next.value;
  }
}

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
