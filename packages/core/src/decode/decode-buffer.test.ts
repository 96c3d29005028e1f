import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from './decode-buffer.ts';

const record = (i: number): Record<string, unknown> => ({
  eventVersion: '1.09',
  eventTime: `2026-11-20T09:${String(i % 60).padStart(2, '0')}:00Z`,
  eventSource: 'bedrock.amazonaws.com',
  eventName: 'InvokeModel',
  eventID: `event-${i}`,
  awsRegion: 'us-east-1',
  // Incompressible padding, so the gzip cut lands inside the records.
  requestID: Array.from({ length: 8 }, (_, k) => ((i * 7919 + k * 104729) % 1e9).toString(36)).join('-'),
});
const where = { source: 's3/test', location: 's3://trail/object.json.gz' };

describe('decodeBuffer', () => {
  it('decodes a whole gzipped delivery file', () => {
    const bytes = gzipSync(JSON.stringify({ Records: Array.from({ length: 50 }, (_, i) => record(i)) }));
    const batch = decodeBuffer(bytes, where);
    expect(batch.events.map((e) => e.eventId)).toEqual(Array.from({ length: 50 }, (_, i) => `event-${i}`));
    expect(batch.rejections).toEqual([]);
  });

  it('keeps every complete record of a gzipped delivery file cut in half, and reports the cut once', () => {
    const bytes = gzipSync(JSON.stringify({ Records: Array.from({ length: 400 }, (_, i) => record(i)) }));
    const batch = decodeBuffer(bytes.subarray(0, Math.floor(bytes.length / 2)), where);
    const kept = batch.events.map((e) => e.eventId);
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.length).toBeLessThan(400);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => `event-${i}`));
    expect(batch.rejections).toEqual([expect.objectContaining({ reason: 'truncated', origin: { ...where, index: -1 } })]);
  });

  it('keeps the complete lines of gzipped NDJSON cut in half', () => {
    const bytes = gzipSync(Array.from({ length: 400 }, (_, i) => JSON.stringify(record(i))).join('\n'));
    const batch = decodeBuffer(bytes.subarray(0, Math.floor(bytes.length / 2)), where);
    expect(batch.events.length).toBeGreaterThan(50);
    expect(batch.rejections.map((r) => r.reason)).toEqual(['truncated']);
  });

  it('names a stream that is not gzip at all after its magic number', () => {
    const batch = decodeBuffer(Buffer.from([0x1f, 0x8b, 0, 1, 2, 3, 4, 5]), where);
    expect(batch.events).toEqual([]);
    expect(batch.rejections.map((r) => r.reason)).toEqual(['decompression-failed']);
  });
});
