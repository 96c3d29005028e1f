import { gzipSync } from 'node:zlib';
import type { CloudTrailRecord } from '@jackwatch/core';
import { cloudTrailRecord, iamUser } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { compileInterest } from '../internal/interest-filter.ts';
import { streamObject, type StreamedPart } from './object-stream-decoder.ts';

const where = { source: 's3/test', location: 's3://trail/AWSLogs/111111111111/CloudTrail/us-east-1/2026/10/01/big.json.gz' };
const LIMIT = 4096;
const bedrock = compileInterest([{ eventSource: 'bedrock.amazonaws.com' }]);
const T = Date.UTC(2026, 9, 1, 10);

const record = (eventId: string, source = 'bedrock.amazonaws.com', action = 'InvokeModel', time = T, extra: Record<string, unknown> = {}): CloudTrailRecord =>
  cloudTrailRecord({ eventId, source, action, time, identity: iamUser({ account: '111111111111' }), extra });
const giant = (eventId: string): CloudTrailRecord => record(eventId, 'bedrock.amazonaws.com', 'InvokeModel', T, { blob: '\\"]}'.repeat(3 * LIMIT) });

// The bytes in pieces of `size`, as a download delivers them.
async function* body(bytes: Uint8Array, size = 1000, failAfter = Number.POSITIVE_INFINITY): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    if (at >= failAfter) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    yield bytes.subarray(at, at + size);
  }
}

// Every part of a streamed object, and the parts merged.
async function decodeObjectStream(...args: Parameters<typeof streamObject>) {
  const parts: StreamedPart[] = [];
  for await (const part of streamObject(...args)) parts.push(part);
  return {
    parts,
    events: parts.flatMap((p) => p.events),
    rejections: parts.flatMap((p) => p.rejections),
    skippedRecords: parts.reduce((sum, p) => sum + p.skippedRecords, 0),
    unmatchedRecords: parts.reduce((sum, p) => sum + p.unmatchedRecords, 0),
    bytes: parts.reduce((sum, p) => sum + p.bytes, 0),
  };
}

describe('streamObject', () => {
  const records = [record('a'), giant('big'), record('ec2-old', 'ec2.amazonaws.com', 'DescribeInstances', T - 1000), record('b'), record('ec2-new', 'ec2.amazonaws.com', 'DescribeInstances', T + 1000)];
  const document = Buffer.from(JSON.stringify({ Records: records }));

  it('skips a record beyond maxRecordSize with its index and size, gzipped or not, and keeps only what can match', async () => {
    for (const bytes of [document, gzipSync(document)]) {
      const decoded = await decodeObjectStream(body(bytes), where, { filter: bedrock, prefilter: true, maxRecordSize: LIMIT });
      expect(decoded.events.map((e) => [e.eventId, e.origin.index])).toEqual([['a', 0], ['b', 3]]);
      expect(decoded.rejections).toMatchObject([{ reason: 'malformed-json', origin: { ...where, index: 1 } }]);
      expect(decoded.rejections[0]!.message).toContain(`record is ${Buffer.byteLength(JSON.stringify(records[1]))} bytes, longer than maxRecordSize (${LIMIT} bytes)`);
      expect(decoded.skippedRecords).toBe(2);
      expect(decoded.bytes).toBe(bytes.length);
    }
  });

  it('without the prefilter parses every record and keeps each partition’s newest other event, for the watermark', async () => {
    const decoded = await decodeObjectStream(body(document), where, { filter: bedrock, prefilter: false, maxRecordSize: LIMIT });
    expect(decoded.events.map((e) => e.eventId)).toEqual(['a', 'b', 'ec2-new']);
    expect(decoded.unmatchedRecords).toBe(1);
  });

  it('keeps the records before the cut of a truncated gzip stream and reports the cut', async () => {
    const many = [record('a'), giant('big'), ...Array.from({ length: 300 }, (_, i) => record(`r${i}`, 'bedrock.amazonaws.com', 'InvokeModel', T + i * 1000))];
    const gz = gzipSync(JSON.stringify({ Records: many }));
    const decoded = await decodeObjectStream(body(gz.subarray(0, Math.floor(gz.length * 0.7))), where, { filter: undefined, prefilter: false, maxRecordSize: LIMIT });
    const ids = decoded.events.map((e) => e.eventId);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids).toEqual(['a', ...ids.slice(1).map((_, i) => `r${i}`)]);
    expect(decoded.rejections.map((r) => [r.reason, r.origin.index])).toEqual([['malformed-json', 1], ['truncated', -1]]);
  });

  it('throws when the download breaks, so that the object is downloaded again', async () => {
    await expect(decodeObjectStream(body(document, 1000, 5000), where, { filter: undefined, prefilter: false, maxRecordSize: LIMIT })).rejects.toThrow('socket hang up');
  });

  it('yields a large object in parts of at most 10,000 events, only the last marked last, each with where to resume', async () => {
    const many = Array.from({ length: 25_000 }, (_, i) => record(`r${i}`, 'bedrock.amazonaws.com', 'InvokeModel', T + i));
    const gz = gzipSync(JSON.stringify({ Records: many }));
    const decoded = await decodeObjectStream(body(gz, 64 * 1024), where, { filter: undefined, prefilter: false, maxRecordSize: LIMIT });
    expect(decoded.parts.length).toBeGreaterThanOrEqual(3);
    expect(decoded.parts.every((p) => p.events.length <= 10_000)).toBe(true);
    expect(decoded.parts.map((p) => p.last)).toEqual(decoded.parts.map((_, i) => i === decoded.parts.length - 1));
    expect(decoded.events.map((e) => e.eventId)).toEqual(many.map((r) => r.eventID));
    expect(decoded.parts.map((p) => p.next)).toEqual(decoded.parts.map((_, i) => decoded.parts.slice(0, i + 1).reduce((n, p) => n + p.events.length, 0)));
    expect(decoded.bytes).toBe(gz.length);

    // A new download from a part's `next` gives exactly the records after it, nothing reported twice.
    const resumed = await decodeObjectStream(body(gz, 64 * 1024), where, { filter: undefined, prefilter: false, maxRecordSize: LIMIT }, decoded.parts[0]!.next);
    expect(resumed.events.map((e) => e.eventId)).toEqual(many.slice(decoded.parts[0]!.next).map((r) => r.eventID));
  });

  it('when the download breaks, yields the records decoded before the break (not as the last part), then throws', async () => {
    const many = [giant('big'), ...Array.from({ length: 30_000 }, (_, i) => record(`r${i}`, 'bedrock.amazonaws.com', 'InvokeModel', T + i))];
    const json = Buffer.from(JSON.stringify({ Records: many }));
    const parts: StreamedPart[] = [];
    const reading = (async () => {
      for await (const part of streamObject(body(json, 64 * 1024, Math.floor(json.length * 0.6)), where, { filter: undefined, prefilter: false, maxRecordSize: LIMIT })) parts.push(part);
    })();
    await expect(reading).rejects.toThrow('socket hang up');
    const ids = parts.flatMap((p) => p.events.map((e) => e.eventId));
    expect(ids.length).toBeGreaterThan(10_000);
    expect(ids).toEqual(many.slice(1, ids.length + 1).map((r) => r.eventID));
    expect(parts.some((p) => p.last)).toBe(false);
    expect(parts.at(-1)!.next).toBe(ids.length + 1);
    // The oversized record is reported once; the break is not reported (the object is downloaded again).
    expect(parts.flatMap((p) => p.rejections).map((r) => [r.reason, r.origin.index])).toEqual([['malformed-json', 0]]);
  });
});
