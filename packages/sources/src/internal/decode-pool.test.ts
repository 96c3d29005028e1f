import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryDocument, tempDir, trailRecord } from '../file/testdata/harness.ts';
import { DecodePool, resolveWorkerCount } from './decode-pool.ts';

const bedrock = (n: number, eventName: string): Record<string, unknown> => trailRecord(n, { eventSource: 'bedrock.amazonaws.com', eventName }, 'br');
const interest = [{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }];

describe('DecodePool', () => {
  let pool: DecodePool | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  it('decodes files in worker threads, returning only what the detectors can match', async () => {
    const dir = await tempDir();
    const mixed = join(dir, 'mixed.json.gz');
    await writeFile(mixed, gzipSync(JSON.stringify({ Records: [trailRecord(0), bedrock(1, 'InvokeModel'), bedrock(2, 'ListCustomModels')] })));
    await writeFile(join(dir, 's3.json'), deliveryDocument(0, 5));
    pool = new DecodePool(2, { source: 'file/w', maxWholeFileSize: 1 << 20, maxRecordSize: 1 << 20, prefilter: true, interest });
    expect(pool.capacity).toBe(4);
    const [decoded, skipped, missing] = await Promise.all([pool.decode(mixed), pool.decode(join(dir, 's3.json')), pool.decode(join(dir, 'nope.json'))]);
    expect(decoded).toMatchObject({ kind: 'decoded', prefiltered: false, skippedRecords: 1, rejections: [] });
    expect(decoded.kind === 'decoded' && decoded.events.map((e) => [e.eventId, e.origin])).toEqual([['br-1', { source: 'file/w', location: mixed, index: 1 }]]);
    expect(skipped).toMatchObject({ kind: 'decoded', prefiltered: true, events: [] });
    expect(missing).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('nope.json') });
  });

  it('without the prefilter decodes everything, and sends the newest event of each account and region along', async () => {
    const dir = await tempDir();
    const path = join(dir, 'all.json');
    const records = [trailRecord(0, { eventTime: '2024-10-17T20:00:09Z' }), bedrock(1, 'InvokeModel'), trailRecord(2, { eventTime: '2024-10-17T20:00:01Z' }), trailRecord(3, { awsRegion: 'eu-west-1' })];
    await writeFile(path, JSON.stringify({ Records: [...records, { not: 'cloudtrail' }] }));
    pool = new DecodePool(1, { source: 'file', maxWholeFileSize: 1 << 20, maxRecordSize: 1 << 20, prefilter: false, interest });
    const decoded = await pool.decode(path);
    expect(decoded.kind === 'decoded' && decoded.events.map((e) => e.eventId)).toEqual(['evt-0', 'br-1', 'evt-3']);
    expect(decoded.kind === 'decoded' && decoded.rejections.map((r) => [r.reason, r.origin.index])).toEqual([['not-cloudtrail', 4]]);
  });

  it('leaves files above maxWholeFileSize and appendable NDJSON to the caller, and refuses work once closed', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big.json'), deliveryDocument(0, 50));
    await writeFile(join(dir, 'lines.ndjson'), `${JSON.stringify(trailRecord(0))}\n`);
    pool = new DecodePool(1, { source: 'file', maxWholeFileSize: 1024, maxRecordSize: 1 << 20, prefilter: true, interest });
    expect(await pool.decode(join(dir, 'big.json'))).toEqual({ kind: 'stream' });
    expect(await pool.decode(join(dir, 'lines.ndjson'))).toEqual({ kind: 'stream' });
    await pool.close();
    await expect(pool.decode(join(dir, 'big.json'))).rejects.toThrow(/closed/);
  });

  it('resolves auto to one worker per core, and to none on a single core', () => {
    expect(resolveWorkerCount('auto', 2)).toBe(2);
    expect(resolveWorkerCount('auto', 8)).toBe(8);
    expect(resolveWorkerCount('auto', 1)).toBe(0);
    expect(resolveWorkerCount(3, 1)).toBe(3);
    expect(resolveWorkerCount(0)).toBe(0);
  });

  it('decodes the downloaded bytes of an S3 object in a worker, and gives back one it must stream', async () => {
    pool = new DecodePool(1, { source: 's3/w', maxWholeFileSize: 1 << 20, maxRecordSize: 1 << 20, prefilter: true, interest });
    const body = gzipSync(JSON.stringify({ Records: [trailRecord(0), bedrock(1, 'InvokeModel')] }));
    const decoded = await pool.decodeObject(body, 's3://trail/a.json.gz');
    expect(decoded).toMatchObject({ skipped: false, skippedRecords: 1, unmatchedRecords: 0, rejections: [] });
    expect(decoded?.events.map((e) => [e.eventId, e.origin])).toEqual([['br-1', { source: 's3/w', location: 's3://trail/a.json.gz', index: 1 }]]);
    expect(await pool.decodeObject(new Uint8Array(), 's3://trail/empty.json.gz')).toMatchObject({ rejections: [expect.objectContaining({ reason: 'unreadable' })] });
    const bomb = gzipSync(Buffer.alloc(2 << 20, 0x20));
    bomb.writeUInt32LE(100, bomb.length - 4); // a trailer that hides its size: the worker stops at the limit
    expect(await pool.decodeObject(bomb, 's3://trail/bomb.json.gz')).toBeUndefined();
  });
});
