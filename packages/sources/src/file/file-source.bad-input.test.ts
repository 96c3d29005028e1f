import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileSourceConfigSchema } from './config.ts';
import { FileSource } from './file-source.ts';
import { deliveryDocument, drain, eventsOf, ndjson, put, startedSource, tempDir, testSetup, trailRecord } from './testdata/harness.ts';

describe('file source: bad input is reported, never fatal', () => {
  it('reports a .json.gz cut in half among good files, keeps its complete records, and reads the other files', async () => {
    const dir = await tempDir();
    await put(dir, 'a-good.json.gz', deliveryDocument(0, 30, 'a'));
    const gz = gzipSync(deliveryDocument(0, 30, 'cut'));
    const cut = await put(dir, 'b-cut.json.gz.tmp', gz.subarray(0, gz.length >> 1));
    await put(dir, 'c-good.json.gz', deliveryDocument(0, 30, 'c'));
    const setup = testSetup(dir);
    const events = eventsOf(await drain(await startedSource({ paths: ['*.json.gz', cut] }, setup)));

    const ids = events.map((e) => e.eventId);
    expect(ids.filter((id) => id.startsWith('a-'))).toHaveLength(30);
    expect(ids.filter((id) => id.startsWith('c-'))).toHaveLength(30);
    const salvaged = ids.filter((id) => id.startsWith('cut-'));
    expect(salvaged.length).toBeGreaterThan(0);
    expect(salvaged).toEqual(salvaged.map((_, i) => `cut-${i}`));
    expect(setup.errors.rejections).toHaveLength(1);
    expect(setup.errors.rejections[0]).toMatchObject({ reason: 'truncated', origin: { source: 'file', location: cut, index: -1 } });
  });

  it('keeps the complete records of a streamed .json.gz cut short, then reads the next file', async () => {
    const dir = await tempDir();
    const gz = gzipSync(deliveryDocument(0, 400, 'cut'));
    await put(dir, 'a-cut.json.gz.part', gz.subarray(0, Math.floor(gz.length * 0.6)));
    await put(dir, 'b-good.json.gz', deliveryDocument(0, 5, 'b'));
    const setup = testSetup(dir);
    const events = eventsOf(await drain(await startedSource({ paths: ['a-cut.json.gz.part', 'b-good.json.gz'], maxWholeFileSize: '8KiB', batchSize: 50 }, setup)));
    const salvaged = events.filter((e) => e.eventId.startsWith('cut-'));
    expect(salvaged.length).toBeGreaterThan(100);
    expect(salvaged.map((e) => e.origin.index)).toEqual(salvaged.map((_, i) => i));
    expect(events.filter((e) => e.eventId.startsWith('b-'))).toHaveLength(5);
    expect(setup.errors.rejections.map((r) => [r.reason, r.origin.location])).toEqual([['truncated', join(dir, 'a-cut.json.gz.part')]]);
    expect(setup.errors.rejections[0]!.message).toContain(`${salvaged.length} complete records`);
  });

  it('rejects and counts a record without eventTime, and keeps the rest', async () => {
    const dir = await tempDir();
    const { eventTime: _dropped, ...timeless } = trailRecord(1);
    await put(dir, 'delivery.json', JSON.stringify({ Records: [trailRecord(0), timeless, trailRecord(2)] }));
    await put(dir, 'lines.ndjson', `${JSON.stringify(trailRecord(3))}\n${JSON.stringify(timeless)}\n`);
    const setup = testSetup(dir);
    const events = eventsOf(await drain(await startedSource({ paths: ['.'] }, setup)));
    expect(events.map((e) => e.eventId).sort()).toEqual(['evt-0', 'evt-2', 'evt-3']);
    expect(setup.errors.rejections.map((r) => [r.reason, r.origin.location, r.origin.index])).toEqual([
      ['missing-event-time', join(dir, 'delivery.json'), 1],
      ['missing-event-time', join(dir, 'lines.ndjson'), 2],
    ]);
  });

  it('rejects a malformed NDJSON line with its line number and a non-CloudTrail value, and reads the other lines', async () => {
    const dir = await tempDir();
    const lines = [JSON.stringify(trailRecord(0)), '{"eventSource": "s3.amazonaws.com", oops', '', JSON.stringify({ hello: 'world' }), JSON.stringify(trailRecord(4))];
    const path = await put(dir, 'events.jsonl', `${lines.join('\n')}\n`);
    const setup = testSetup(dir);
    const events = eventsOf(await drain(await startedSource({ paths: ['.'] }, setup)));
    expect(events.map((e) => [e.eventId, e.origin.index])).toEqual([['evt-0', 1], ['evt-4', 5]]);
    expect(setup.errors.rejections.map((r) => [r.reason, r.origin.location, r.origin.index])).toEqual([
      ['malformed-json', path, 2],
      ['not-cloudtrail', path, 4],
    ]);
  });

  it('rejects a JSON document that is not CloudTrail', async () => {
    const dir = await tempDir();
    const path = await put(dir, 'package.json', JSON.stringify({ name: 'x', version: '1.0.0' }));
    const setup = testSetup(dir);
    expect(eventsOf(await drain(await startedSource({ paths: ['.'] }, setup)))).toEqual([]);
    expect(setup.errors.rejections).toMatchObject([{ reason: 'not-cloudtrail', origin: { location: path, index: 0 } }]);
  });

  it('rejects a line beyond maxRecordSize without buffering it, and reads the lines after it', async () => {
    const dir = await tempDir();
    const huge = JSON.stringify(trailRecord(1, { requestParameters: { blob: 'x'.repeat(5000) } }));
    const path = await put(dir, 'big.ndjson', `${JSON.stringify(trailRecord(0))}\n${huge}\n${JSON.stringify(trailRecord(2))}\n`);
    const setup = testSetup(dir);
    const events = eventsOf(await drain(await startedSource({ paths: ['.'], maxRecordSize: '2KiB' }, setup)));
    expect(events.map((e) => e.eventId)).toEqual(['evt-0', 'evt-2']);
    expect(setup.errors.rejections).toMatchObject([{ reason: 'malformed-json', origin: { location: path, index: 2 } }]);
    expect(setup.errors.rejections[0]!.message).toMatch(/longer than maxRecordSize/);
  });

  it('reports a file that vanished after start as unreadable, and one that turned into a directory as skipped, once, and goes on', async () => {
    const dir = await tempDir();
    const gone = await put(dir, 'gone.json', deliveryDocument(0, 1, 'gone'));
    const swapped = await put(dir, 'swapped.json', deliveryDocument(0, 1, 'swapped'));
    await put(dir, 'fine.json', deliveryDocument(0, 1, 'fine'));
    const setup = testSetup(dir);
    const source = await startedSource({ paths: [gone, swapped, 'fine.json'] }, setup);
    await rm(gone);
    await rm(swapped);
    await mkdir(swapped);
    const events = eventsOf(await drain(source));
    expect(events.map((e) => e.eventId)).toEqual(['fine-0']);
    expect(setup.errors.rejections.map((r) => [r.reason, r.origin.location])).toEqual([['unreadable', gone]]);
    expect(setup.telemetry.snapshot().filter((c) => c.name === 'jackwatch.source.entries.skipped').map((c) => [c.labels.reason, c.labels.path, c.value])).toEqual([['directory', swapped, 1]]);
  });

  it('fails start() with a message naming a paths entry that does not exist', async () => {
    const dir = await tempDir();
    await put(dir, 'logs/a.json', deliveryDocument(0, 1));
    const start = (paths: string[]): Promise<void> => new FileSource(fileSourceConfigSchema.parse({ paths }), testSetup(dir, { id: 'file/local' })).start();
    await expect(start(['logs', 'missing'])).rejects.toThrow(`file/local: paths[1] "missing" does not exist (resolved to ${join(dir, 'missing')})`);
    await expect(start(['nowhere/**/*.json.gz'])).rejects.toThrow(`paths[0] "nowhere/**/*.json.gz" cannot match anything: its directory ${join(dir, 'nowhere')} does not exist`);
    await expect(start(['logs', 'logs/*.json'])).resolves.toBeUndefined();
  });

  it('reports damaged (not truncated) gzip data in a streamed file', async () => {
    const dir = await tempDir();
    const gz = Buffer.from(gzipSync(ndjson(0, 200)));
    gz.fill(0x55, 200, 400);
    const path = await put(dir, 'damaged.ndjson.gz.bin', gz);
    const setup = testSetup(dir);
    await drain(await startedSource({ paths: [path], maxWholeFileSize: '1KiB' }, setup));
    expect(setup.errors.rejections.map((r) => [r.reason, r.origin.location])).toEqual([['decompression-failed', path]]);
  });
});
