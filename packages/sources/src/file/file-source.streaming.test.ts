import { randomBytes } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import type { SourceBatch } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { deliveryDocument, drain, eventsOf, ndjson, put, range, startedSource, tempDir, testSetup, trailRecord } from './testdata/harness.ts';

describe('file source: large files are streamed, not slurped', () => {
  it('yields a large NDJSON file in bounded batches before the file is read to its end', async () => {
    const dir = await tempDir();
    const lines = 12_000; // ~15 MB, far beyond the 256 KiB the stream reads ahead
    const path = await put(dir, 'huge.ndjson', ndjson(0, lines));
    const source = await startedSource({ paths: ['.'], batchSize: 500 }, testSetup(dir));
    const batches: AsyncIterator<SourceBatch, void> = source.read(new AbortController().signal)[Symbol.asyncIterator]();
    const first = await batches.next();
    expect(first.value?.events).toHaveLength(500);

    // Rewrite the last record in place (same length). A source that had slurped
    // the file would still yield the old text; a streaming one sees the new.
    const text = await readFile(path, 'utf8');
    const at = Buffer.byteLength(text.slice(0, text.lastIndexOf(`"evt-${lines - 1}"`)));
    const handle = await open(path, 'r+');
    await handle.write(Buffer.from(`"new-${lines - 1}"`), 0, undefined, at);
    await handle.close();

    const sizes = [first.value!.events.length];
    const ids: string[] = first.value!.events.map((e) => e.eventId);
    for (let next = await batches.next(); next.done !== true; next = await batches.next()) {
      sizes.push(next.value.events.length);
      ids.push(...next.value.events.map((e) => e.eventId));
    }
    expect(Math.max(...sizes)).toBe(500);
    expect(sizes.length).toBe(lines / 500 + 1); // the last chunk, empty, marks the end of the file
    expect(ids).toHaveLength(lines);
    expect(ids.at(-1)).toBe(`new-${lines - 1}`);
    expect(ids.slice(0, 3)).toEqual(['evt-0', 'evt-1', 'evt-2']);
  });

  it('streams a gzipped delivery file larger than maxWholeFileSize record by record', async () => {
    const dir = await tempDir();
    const path = await put(dir, 'big.json.gz', deliveryDocument(0, 3000));
    const setup = testSetup(dir);
    const batches = await drain(await startedSource({ paths: ['.'], maxWholeFileSize: '64KiB', batchSize: 400 }, setup));
    expect(batches.map((b) => b.events.length).every((n) => n <= 400)).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(8);
    expect(eventsOf(batches).map((e) => [e.eventId, e.origin.index])).toEqual(range(0, 3000).map((n) => [`evt-${n}`, n]));
    expect(batches.reduce((sum, b) => sum + (b.bytes ?? 0), 0)).toBe((await stat(path)).size);
    expect(setup.errors.rejections).toEqual([]);
  });

  it('streams a small .json.gz that inflates beyond maxWholeFileSize (judged by its gzip trailer)', async () => {
    const dir = await tempDir();
    // Random bytes keep the gzip well above the streams' read-ahead, yet below the limit.
    const records = range(0, 3000).map((n) => trailRecord(n, { noise: randomBytes(450).toString('hex') }));
    const path = await put(dir, 'dense.json.gz', JSON.stringify({ Records: records }));
    const size = (await stat(path)).size;
    expect(size).toBeGreaterThan(1024 * 1024);
    expect(size).toBeLessThan(4 * 1024 * 1024); // ~6.5 MB of JSON
    const batches = await drain(await startedSource({ paths: ['.'], maxWholeFileSize: '4MiB', batchSize: 250 }, testSetup(dir)));
    expect(eventsOf(batches)).toHaveLength(3000);
    // A whole read counts every byte in the first batch; a stream counts them as it goes.
    expect(batches[0]!.bytes).toBeLessThan(size);
    expect(batches.reduce((sum, b) => sum + (b.bytes ?? 0), 0)).toBe(size);
  });

  it('streams large gzipped NDJSON and a large pretty-printed JSON array', async () => {
    const dir = await tempDir();
    await put(dir, 'a.ndjson.gz', ndjson(0, 2000, 'gzl'));
    await put(dir, 'b.json', JSON.stringify(range(0, 500).map((n) => trailRecord(n, {}, 'arr')), null, 2));
    const setup = testSetup(dir);
    const batches = await drain(await startedSource({ paths: ['.'], maxWholeFileSize: '16KiB', batchSize: 300 }, setup));
    const ids = eventsOf(batches).map((e) => e.eventId);
    expect(ids).toEqual([...range(0, 2000).map((n) => `gzl-${n}`), ...range(0, 500).map((n) => `arr-${n}`)]);
    expect(batches.every((b) => b.events.length <= 300)).toBe(true);
    expect(setup.errors.rejections).toEqual([]);
  });

  it('with a known interest, skips records of other services before parsing them', async () => {
    const dir = await tempDir();
    const bedrock = (n: number): Record<string, unknown> => trailRecord(n, { eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel' }, 'br');
    await put(dir, 'a-s3-only.json.gz', deliveryDocument(0, 50, 's3'));
    await put(dir, 'b-mixed.json.gz', JSON.stringify({ Records: [trailRecord(0, {}, 'mix'), bedrock(1)] }));
    await put(dir, 'c-mixed.ndjson', `${JSON.stringify(trailRecord(2, {}, 'mix'))}\n${JSON.stringify(bedrock(3))}\n{"broken\n`);
    const interest = [{ eventSource: 'bedrock.amazonaws.com' }];

    const filtered = testSetup(dir, { interest });
    const kept = eventsOf(await drain(await startedSource({ paths: ['.'] }, filtered)));
    // Whole files are skipped when the source name is absent; records of a delivery file and NDJSON lines one by one.
    expect(kept.map((e) => e.eventId)).toEqual(['br-1', 'br-3']);
    expect(filtered.telemetry.total('jackwatch.source.files.prefiltered')).toBe(1);
    expect(filtered.telemetry.total('jackwatch.source.records.prefiltered')).toBe(3);

    const everything = testSetup(dir, { interest });
    const all = eventsOf(await drain(await startedSource({ paths: ['.'], prefilter: false }, everything)));
    // Without the prefilter every record is parsed and validated; of whole files, only what can match and each
    // partition's newest other event go on (the watermark needs no more); NDJSON lines all go on.
    expect(all.map((e) => e.eventId)).toEqual(['s3-49', 'mix-0', 'br-1', 'mix-2', 'br-3']);
    expect(everything.telemetry.total('jackwatch.source.records.unmatched')).toBe(49);
    expect(everything.errors.rejections.map((r) => r.reason)).toEqual(['malformed-json']);
  });
});
