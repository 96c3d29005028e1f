import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from './decode-buffer.ts';
import { decodeDocument } from './decode-document.ts';
import { decodeNdjson } from './decode-ndjson.ts';
import { salvageRecords } from './salvage-records.ts';

const where = { source: 'file', location: '/logs/trail.json' };
const LIMIT = 2048;

const record = (id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventVersion: '1.09',
  eventTime: '2026-11-20T09:00:00Z',
  eventSource: 'bedrock.amazonaws.com',
  eventName: 'InvokeModel',
  awsRegion: 'us-east-1',
  recipientAccountId: '111122223333',
  eventID: id,
  ...overrides,
});
// A valid record whose text is far beyond LIMIT; quotes, brackets and backslashes in its string must not fool the split.
const giant = (id: string, size = 5 * LIMIT): Record<string, unknown> => record(id, { requestParameters: { prompt: `"]}\\{[`.repeat(size / 6) } });
const envelope = (value: Record<string, unknown>): Record<string, unknown> => ({ 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.bedrock', detail: value });
const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));
const oversizedMessage = (value: unknown): RegExp => new RegExp(`^(record|line) is ${bytesOf(value)} bytes, longer than maxRecordSize \\(${LIMIT} bytes\\)`);

describe('whole-buffer decoding with maxRecordSize', () => {
  it('skips just the oversized record of a delivery file, with its index, size and the limit', () => {
    const records = [record('a'), giant('big'), record('b'), giant('big2'), giant('big3'), record('c')];
    const batch = decodeDocument(JSON.stringify({ Records: records }), where, { maxRecordSize: LIMIT });
    expect(batch.events.map((e) => [e.eventId, e.origin.index])).toEqual([['a', 0], ['b', 2], ['c', 5]]);
    expect(batch.rejections.map((r) => [r.reason, r.origin.index])).toEqual([['malformed-json', 1], ['malformed-json', 3], ['malformed-json', 4]]);
    expect(batch.rejections[0]!.message).toMatch(oversizedMessage(records[1]));
  });

  it('does the same for a top-level array, an oversized EventBridge envelope, and an oversized last element', () => {
    const values = [envelope(record('a')), envelope(giant('big')), record('b'), giant('last')];
    const batch = decodeDocument(JSON.stringify(values, null, 2), where, { maxRecordSize: LIMIT });
    expect(batch.events.map((e) => e.eventId)).toEqual(['a', 'b']);
    expect(batch.rejections.map((r) => r.origin.index)).toEqual([1, 3]);
  });

  it('honours keep on the split path: wanted events plus each partition’s newest other one', () => {
    const records = [record('s3-old', { eventSource: 's3.amazonaws.com', eventName: 'GetObject' }), giant('big'), record('b'), record('s3-new', { eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventTime: '2026-11-20T09:05:00Z' })];
    const batch = decodeDocument(JSON.stringify({ Records: records }), where, { maxRecordSize: LIMIT, keep: (source) => source === 'bedrock.amazonaws.com' });
    expect(batch.events.map((e) => e.eventId)).toEqual(['b', 's3-new']);
    expect(batch.unmatched).toBe(1);
    expect(batch.rejections.map((r) => r.origin.index)).toEqual([1]);
  });

  it('skips an oversized NDJSON line by its line number, and the lines after it are read', () => {
    const lines = [record('a'), giant('big'), envelope(record('b'))].map((v) => JSON.stringify(v));
    const batch = decodeDocument(`${lines.join('\n')}\n`, where, { maxRecordSize: LIMIT });
    expect(batch.events.map((e) => [e.eventId, e.origin.index])).toEqual([['a', 1], ['b', 3]]);
    expect(batch.rejections).toMatchObject([{ reason: 'malformed-json', origin: { index: 2 } }]);
    expect(batch.rejections[0]!.message).toMatch(oversizedMessage(giant('big')));
    // decodeNdjson on its own applies the same limit
    expect(decodeNdjson(lines.join('\n'), where, 10, undefined, { maxRecordSize: LIMIT }).rejections.map((r) => r.origin.index)).toEqual([11]);
  });

  it('rejects a document that is one oversized record or envelope, unparsed', () => {
    const single = envelope(giant('big'));
    const batch = decodeDocument(JSON.stringify(single), where, { maxRecordSize: LIMIT });
    expect(batch.events).toEqual([]);
    expect(batch.rejections).toMatchObject([{ reason: 'malformed-json', origin: { index: 0 } }]);
    expect(batch.rejections[0]!.message).toMatch(oversizedMessage(single));
  });

  it('reports a delivery file that ends inside one giant unterminated string once, keeping the records before it', () => {
    const text = `{"Records":[${JSON.stringify(record('a'))},{"eventVersion":"1.09","requestParameters":"${'x'.repeat(10 * LIMIT)}`;
    const batch = decodeDocument(text, where, { maxRecordSize: LIMIT });
    expect(batch.events.map((e) => e.eventId)).toEqual(['a']);
    expect(batch.rejections).toMatchObject([{ reason: 'truncated', origin: { index: -1 } }]);
    expect(batch.rejections[0]!.message).toContain(`inside record 1, already longer than maxRecordSize (${LIMIT} bytes)`);
    // A document that is nothing but one unterminated string is one oversized value.
    expect(decodeDocument(`"${'x'.repeat(10 * LIMIT)}`, where, { maxRecordSize: LIMIT }).rejections).toMatchObject([{ reason: 'malformed-json', origin: { index: 0 } }]);
  });

  it('decodes a gzipped file, whole or cut short, with the same limit', () => {
    const records = [record('a'), giant('big', 40 * LIMIT), record('b'), record('c')];
    const gz = gzipSync(JSON.stringify({ Records: records }));
    const whole = decodeBuffer(gz, where, { maxRecordSize: LIMIT });
    expect(whole.events.map((e) => e.eventId)).toEqual(['a', 'b', 'c']);
    expect(whole.rejections.map((r) => r.origin.index)).toEqual([1]);
    const cut = decodeBuffer(gz.subarray(0, gz.length - 12), where, { maxRecordSize: LIMIT });
    expect(cut.events.map((e) => e.eventId)).toEqual(['a', 'b', 'c'].slice(0, cut.events.length));
    expect(cut.rejections.map((r) => [r.reason, r.origin.index])).toEqual([['malformed-json', 1], ['truncated', -1]]);
  });

  it('keeps the fast path for documents within the limit: nothing is rejected, everything decoded', () => {
    const records = [record('a'), record('b')];
    expect(decodeDocument(JSON.stringify({ Records: records }), where, { maxRecordSize: LIMIT }).events).toHaveLength(2);
    // Without a limit, a large record is decoded like any other.
    expect(decodeDocument(JSON.stringify({ Records: [giant('big')] }), where).events.map((e) => e.eventId)).toEqual(['big']);
  });

  it('agrees with a full decode on every record within the limit, and rejects exactly the others (property)', () => {
    const size = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 * LIMIT }));
    fc.assert(
      fc.property(fc.array(fc.tuple(size, fc.boolean()), { maxLength: 10 }), (specs) => {
        const values = specs.map(([pad, wrapped], i) => {
          const value = record(`r${i}`, { requestParameters: { pad: 'é"\\'.repeat(pad / 4) } });
          return wrapped ? envelope(value) : value;
        });
        const batch = salvageRecords(JSON.stringify({ Records: values }), where, undefined, { maxRecordSize: LIMIT });
        const fits = (value: unknown): boolean => bytesOf(value) <= LIMIT;
        expect(batch.events.map((e) => e.origin.index)).toEqual(values.flatMap((v, i) => (fits(v) ? [i] : [])));
        expect(batch.rejections.map((r) => [r.origin.index, r.message.match(/is (\d+) bytes/)?.[1]])).toEqual(
          values.flatMap((v, i) => (fits(v) ? [] : [[i, String(bytesOf(v))]])),
        );
      }),
      { numRuns: 200 },
    );
  });
});
