import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, DEFAULT_MAX_INFLATED_SIZE } from './decode-buffer.ts';

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

  it('rejects a document whose "Records" is no array once, saying what it holds, instead of as a record without eventSource', () => {
    for (const [records, holds] of [['5', 'a number'], ['null', 'null'], ['"abc"', 'a string'], ['{"a":1}', 'an object']] as const) {
      const batch = decodeBuffer(Buffer.from(`{"Records": ${records}}`), where);
      expect(batch.events).toEqual([]);
      expect(batch.rejections).toEqual([{ reason: 'not-cloudtrail', message: `not a CloudTrail file: "Records" holds ${holds}, not an array of records`, origin: { ...where, index: -1 } }]);
    }
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

  describe('bounds what a gzipped input may inflate to', () => {
    const document = gzipSync(JSON.stringify({ Records: Array.from({ length: 50 }, (_, i) => record(i)) }));
    const inflated = JSON.stringify({ Records: Array.from({ length: 50 }, (_, i) => record(i)) }).length;
    // 512 MiB of zeros in 8 gzip members: about 0.5 MB, each trailer announcing 64 MiB.
    const zeroMember = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 8 }, () => zeroMember));
    const tooLarge = (limit: number) => [{ reason: 'decompression-failed', message: expect.stringMatching(new RegExp(`^inflates past ${limit} bytes \\(maxInflatedSize\\)`)), origin: { ...where, index: -1 } }];

    it('decodes an input up to maxInflatedSize, and rejects one a byte larger with nothing decoded', () => {
      expect(decodeBuffer(document, where, { maxInflatedSize: inflated }).events).toHaveLength(50);
      expect(decodeBuffer(document, where, { maxInflatedSize: inflated - 1 })).toEqual({ events: [], rejections: tooLarge(inflated - 1) });
    });

    it('rejects a decompression bomb by default, whatever its trailers say, cut short or not, with the limit in the message', () => {
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(DEFAULT_MAX_INFLATED_SIZE).toBe(256 * 1024 * 1024);
      expect(decodeBuffer(bomb, where)).toEqual({ events: [], rejections: tooLarge(DEFAULT_MAX_INFLATED_SIZE) });
      expect(decodeBuffer(bomb.subarray(0, bomb.length - 1000), where, { maxInflatedSize: 1024 * 1024 })).toEqual({ events: [], rejections: tooLarge(1024 * 1024) });
      const lastMemberTiny = Buffer.concat([zeroMember, gzipSync('\n')]);
      expect(decodeBuffer(lastMemberTiny, where, { maxInflatedSize: 1024 * 1024 })).toEqual({ events: [], rejections: tooLarge(1024 * 1024) });
    });
  });
});
