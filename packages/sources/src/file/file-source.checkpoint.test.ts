import { appendFile, open, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckpointError, createComponentContext, FileCheckpointStore, MemoryCheckpointStore, type ErrorReporter, type Rejection, type SourceBatch } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { fileSourceConfigSchema } from './config.ts';
import { FileSource } from './file-source.ts';
import { deliveryDocument, drain, eventsOf, ndjson, put, range, startedSource, tempDir, testSetup } from './testdata/harness.ts';

async function firstBatches(batches: AsyncIterable<SourceBatch>, count: number): Promise<SourceBatch[]> {
  const taken: SourceBatch[] = [];
  for await (const batch of batches) {
    taken.push(batch);
    if (taken.length === count) break;
  }
  return taken;
}

describe('file source: checkpoints', () => {
  it('does not re-read acked files after a restart, but reads new and changed ones', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    await put(dir, 'a.json.gz', deliveryDocument(0, 3, 'a'));
    await put(dir, 'b.ndjson', ndjson(0, 3, 'b'));
    const first = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints }));
    expect(eventsOf(await drain(first))).toHaveLength(6);
    await first.shutdown();

    const again = testSetup(dir, { checkpoints });
    expect(eventsOf(await drain(await startedSource({ paths: ['.'] }, again)))).toEqual([]);
    expect(again.telemetry.total('jackwatch.source.files.unchanged')).toBe(2);

    await put(dir, 'a.json.gz', deliveryDocument(0, 4, 'a2')); // replaced
    await put(dir, 'c.json', deliveryDocument(0, 1, 'c')); // new
    await appendFile(join(dir, 'b.ndjson'), ndjson(3, 5, 'b')); // appended
    const third = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints }));
    const events = eventsOf(await drain(third));
    expect(events.map((e) => e.eventId).sort()).toEqual(['a2-0', 'a2-1', 'a2-2', 'a2-3', 'b-3', 'b-4', 'c-0']);
    expect(events.filter((e) => e.eventId.startsWith('b-')).map((e) => e.origin.index)).toEqual([4, 5]);
  });

  it('re-reads a file whose last batch was not acked', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    await put(dir, 'a.json', deliveryDocument(0, 2, 'a'));
    await put(dir, 'b.json', deliveryDocument(0, 2, 'b'));
    const first = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints }));
    const [batchA] = await firstBatches(first.read(new AbortController().signal), 2);
    await batchA!.ack?.(); // b's batch was yielded but never acked (a crash before its findings were delivered)
    await first.shutdown();

    const events = eventsOf(await drain(await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints }))));
    expect(events.map((e) => e.eventId)).toEqual(['b-0', 'b-1']);
  });

  it('resumes a partly acked streamed file at the first record not delivered', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    await put(dir, 'big.json.gz', deliveryDocument(0, 1000));
    await put(dir, 'big.ndjson', ndjson(0, 1000, 'line'));
    const config = { paths: ['.'], maxWholeFileSize: '32KiB', batchSize: 100 };
    const first = await startedSource(config, testSetup(dir, { checkpoints }));
    const taken = await firstBatches(first.read(new AbortController().signal), 3);
    for (const batch of taken) await batch.ack?.();
    await first.shutdown();
    const delivered = eventsOf(taken).map((e) => e.eventId);

    expect(delivered).toEqual(range(0, 300).map((n) => `evt-${n}`)); // big.json.gz sorts first

    const events = eventsOf(await drain(await startedSource(config, testSetup(dir, { checkpoints }))));
    expect(events.map((e) => e.eventId)).toEqual([...range(300, 1000).map((n) => `evt-${n}`), ...range(0, 1000).map((n) => `line-${n}`)]);
    expect(events[0]!.origin.index).toBe(300);
  });

  it('resumes a partly acked NDJSON file at the byte offset of its next line', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const path = await put(dir, 'events.ndjson', ndjson(0, 1000));
    const first = await startedSource({ paths: ['.'], batchSize: 100 }, testSetup(dir, { checkpoints }));
    for (const batch of await firstBatches(first.read(new AbortController().signal), 3)) await batch.ack?.();
    await first.shutdown();

    // Join lines 1 and 2 (same size): skipping 300 lines would now skip one record too many; seeking does not.
    const handle = await open(path, 'r+');
    await handle.write(' ', (await readFile(path, 'utf8')).indexOf('\n'));
    await handle.close();
    const events = eventsOf(await drain(await startedSource({ paths: ['.'], batchSize: 100 }, testSetup(dir, { checkpoints }))));
    expect(events.map((e) => [e.eventId, e.origin.index])).toEqual(range(300, 1000).map((n) => [`evt-${n}`, n + 1]));
  });

  it('persists positions in a checkpoint file across instances, and forgets deleted files', async () => {
    const dir = await tempDir();
    const stateDir = await tempDir();
    const kept = await put(dir, 'kept.json', deliveryDocument(0, 1, 'kept'));
    await put(dir, 'deleted.json', deliveryDocument(0, 1, 'deleted'));
    const first = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints: new FileCheckpointStore(stateDir) }));
    await drain(first);
    await first.shutdown();

    await rm(join(dir, 'deleted.json'));
    const second = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints: new FileCheckpointStore(stateDir) }));
    expect(eventsOf(await drain(second))).toEqual([]);
    await second.shutdown();

    const stored = (await new FileCheckpointStore(stateDir).scope('file').get('files')) as Record<string, { done: boolean }>;
    expect(Object.keys(stored)).toEqual([kept]);
    expect(stored[kept]).toMatchObject({ done: true, next: 1 });
  });

  it('treats a touched file with the same size as changed', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const path = await put(dir, 'a.json.gz', deliveryDocument(0, 2));
    const first = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints }));
    await drain(first);
    await first.shutdown();
    await utimes(path, new Date(), new Date(Date.now() + 60_000));
    expect(eventsOf(await drain(await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints }))))).toHaveLength(2);
  });

  it('refuses a corrupt checkpoint file at start, naming it, instead of reading every file again', async () => {
    const dir = await tempDir();
    const stateDir = await tempDir();
    await put(dir, 'a.json', deliveryDocument(0, 1, 'a'));
    await writeFile(join(stateDir, 'file.json'), '{"files":{"/x.json":{"size":1,"mtimeMs":1,"done":true,"next":1}');
    const error: unknown = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints: new FileCheckpointStore(stateDir) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as Error).message).toContain(`checkpoint file ${join(stateDir, 'file.json')} (component "file") is not valid JSON`);
  });

  it('reports a checkpoint directory it cannot write to once, as an error of the source, while every event still flows', async () => {
    const dir = await tempDir();
    for (let i = 0; i < 5; i++) await put(dir, `f${i}.json`, deliveryDocument(0, 2, `f${i}`));
    await writeFile(join(dir, 'not-a-dir'), ''); // fails for root too, where a chmod would not
    const stateDir = join(dir, 'not-a-dir', 'checkpoints');
    const reports: { component: string; error: unknown; attributes?: Readonly<Record<string, unknown>> }[] = [];
    const rejections: Rejection[] = [];
    const errors: ErrorReporter = { reject: (r) => rejections.push(r), error: (component, error, attributes) => reports.push({ component, error, attributes }) };
    const config = fileSourceConfigSchema.parse({ paths: ['.'], include: ['*.json'], batchSize: 1 });

    const source = new FileSource(config, createComponentContext('file/trail', { checkpoints: new FileCheckpointStore(stateDir), errors, baseDir: dir }));
    await source.start();
    expect(eventsOf(await drain(source))).toHaveLength(10);
    await source.shutdown();

    expect(rejections).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.component).toBe('file/trail');
    expect(reports[0]!.attributes).toEqual({ stage: 'checkpoint' });
    expect((reports[0]!.error as Error).message).toContain(`cannot write checkpoint file ${join(stateDir, 'file_trail.json')} (component "file/trail"): ENOTDIR`);

    // Nothing was checkpointed, so nothing is skipped: once the directory works, a restart reads every file again.
    await rm(join(dir, 'not-a-dir'));
    const again = new FileSource(config, createComponentContext('file/trail', { checkpoints: new FileCheckpointStore(stateDir), errors, baseDir: dir }));
    await again.start();
    expect(eventsOf(await drain(again))).toHaveLength(10);
    await again.shutdown();
    expect(reports).toHaveLength(1);
    expect(Object.keys((await new FileCheckpointStore(stateDir).scope('file/trail').get('files')) as object)).toHaveLength(5);
  });
});
