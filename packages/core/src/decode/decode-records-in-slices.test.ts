import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from './decode-document.ts';
import { decodeRecordsInSlices } from './decode-records-in-slices.ts';
import type { DecodeOptions } from './decoded-batch.ts';

const where = { source: 'file', location: '/trail/file.json.gz' };
const record = (i: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventVersion: '1.09',
  eventTime: `2026-11-20T09:${String(i % 60).padStart(2, '0')}:00Z`,
  eventSource: i % 3 === 0 ? 'bedrock.amazonaws.com' : 's3.amazonaws.com',
  eventName: i % 3 === 0 ? 'InvokeModel' : 'GetObject',
  eventID: `event-${i}`,
  awsRegion: i % 2 === 0 ? 'us-east-1' : 'eu-west-1',
  recipientAccountId: '111122223333',
  ...extra,
});
const keepBedrock: DecodeOptions = { keep: (source) => source === 'bedrock.amazonaws.com' };

// What the slices give must be what the whole text gives; `undefined` is always allowed (the caller decodes the whole text).
// A byte-order mark is not part of the text (JSON.parse refuses it: the whole-text path salvages such a file record by record).
function expectSameAsWholeText(text: string, options?: DecodeOptions, sliceBytes?: number): boolean {
  const sliced = decodeRecordsInSlices(Buffer.from(text), where, options, sliceBytes);
  if (sliced === undefined) return false;
  expect(sliced).toEqual(decodeDocument(text.replace(/^\uFEFF/, ''), where, options));
  return true;
}

describe('decodeRecordsInSlices', () => {
  it('decodes a delivery file cut into many slices exactly as its whole text, with and without keep', () => {
    const text = JSON.stringify({ Records: Array.from({ length: 300 }, (_, i) => record(i)) });
    expect(expectSameAsWholeText(text, undefined, 1024)).toBe(true);
    expect(expectSameAsWholeText(text, keepBedrock, 1024)).toBe(true);
    expect(expectSameAsWholeText(text, keepBedrock)).toBe(true);
    const sliced = decodeRecordsInSlices(Buffer.from(text), where, undefined, 1024)!;
    expect(sliced.events.map((e) => e.origin.index)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('gives the same rejections, at the same indexes, for records that are not CloudTrail records', () => {
    const text = `{"Records":[${JSON.stringify(record(0))},42,null,{"eventVersion":"1"},${JSON.stringify(record(4))}]}`;
    expect(expectSameAsWholeText(text, undefined, 1)).toBe(true);
    expect(decodeRecordsInSlices(Buffer.from(text), where, undefined, 1)!.rejections.map((r) => r.origin.index)).toEqual([1, 2, 3]);
  });

  it('decodes a delivery file with white space anywhere between records, or a byte-order mark, as its whole text', () => {
    const [a, b, c] = [1, 2, 3].map((i) => JSON.stringify(record(i)));
    expect(expectSameAsWholeText(`{ "Records" : [ ${a} ] }\n`)).toBe(true);
    expect(expectSameAsWholeText(`\uFEFF {\n "Records": [\n  ${a} ,\n  ${b},\t${c}\n ]\n}\n`, undefined, 1)).toBe(true);
    expect(decodeRecordsInSlices(Buffer.from(`{"Records":[${a} , ${b}]}`), where, undefined, 1)!.events.map((e) => e.origin.index)).toEqual([0, 1]);
  });

  it('cuts records by how the first one opens, whatever its first key', () => {
    const reordered = [1, 2, 3].map((i) => JSON.stringify({ eventID: `event-${i}`, ...record(i) }));
    expect(expectSameAsWholeText(`{"Records":[${reordered.join(',')}]}`, undefined, 1)).toBe(true);
  });

  it('leaves every other shape to the whole text', () => {
    const records = [record(1), record(2)];
    for (const text of [
      JSON.stringify(records), // a bare array
      JSON.stringify(record(1)), // one record
      `${JSON.stringify(record(1))}\n${JSON.stringify(record(2))}\n`, // NDJSON
      '{"Records":[]}', // no record: nothing to slice
      JSON.stringify({ Records: records, Other: [1] }),
      JSON.stringify({ Other: [1], Records: records }),
      '',
      '{',
    ]) {
      expect(decodeRecordsInSlices(Buffer.from(text), where, undefined, 1)).toBeUndefined();
    }
  });

  it('leaves a damaged or cut document to the whole text, which reports it', () => {
    const text = JSON.stringify({ Records: Array.from({ length: 40 }, (_, i) => record(i)) });
    for (let cut = 1; cut < text.length; cut += 97) {
      expect(decodeRecordsInSlices(Buffer.from(text.slice(0, cut)), where, undefined, 256)).toBeUndefined();
    }
    const broken = text.replace('"event-7"', '"event-7" oops');
    expect(decodeRecordsInSlices(Buffer.from(broken), where, undefined, 256)).toBeUndefined();
  });

  it('never cuts inside a record whose nested objects or strings look like a boundary', () => {
    const nested = { requestParameters: { items: [{ eventVersion: '1' }, { eventVersion: '2' }] }, note: '},{"eventVersion":"x"}' };
    const text = JSON.stringify({ Records: Array.from({ length: 30 }, (_, i) => record(i, i % 2 === 0 ? nested : {})) });
    // Either every slice holds whole records (same result) or a slice fails to parse and the whole text is decoded.
    for (const sliceBytes of [1, 50, 200, 1000]) expectSameAsWholeText(text, keepBedrock, sliceBytes);
  });

  it('leaves a slice larger than a quarter of maxRecordSize to the whole text, which measures its records', () => {
    const text = JSON.stringify({ Records: [record(1, { big: 'x'.repeat(5000) }), record(2)] });
    expect(decodeRecordsInSlices(Buffer.from(text), where, { maxRecordSize: 8000 })).toBeUndefined();
    expect(expectSameAsWholeText(text, { maxRecordSize: 40_000 })).toBe(true);
  });

  it('keeps multi-byte characters whole and decodes invalid UTF-8 as the whole text does', () => {
    const text = JSON.stringify({ Records: Array.from({ length: 50 }, (_, i) => record(i, { userAgent: `é😀${'ü'.repeat(i)}` })) });
    expect(expectSameAsWholeText(text, undefined, 64)).toBe(true);
    const bytes = Buffer.from(text);
    const at = bytes.indexOf('é');
    bytes[at] = 0xff; // a byte that is never UTF-8
    const sliced = decodeRecordsInSlices(bytes, where, undefined, 64);
    expect(sliced).toEqual(decodeDocument(bytes.toString('utf8'), where));
  });

  it('property: for any records, any slice size and any damage, the result is the whole text\'s or undefined', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const hostile = fc.constantFrom('},{"eventVersion":', '},{"eventVersion":"1"}', '\\"},{\\"eventVersion\\":', ']},{"eventVersion":1}');
    const extra = fc.dictionary(fc.constantFrom('requestParameters', 'responseElements', 'userAgent', 'eventVersion', 'resources'), fc.oneof(value, hostile, fc.array(fc.record({ eventVersion: hostile }))));
    const element = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.nat(1000), extra).map(([i, e]) => record(i, e) as unknown) },
      { weight: 1, arbitrary: value as fc.Arbitrary<unknown> },
    );
    let slicedRuns = 0;
    fc.assert(
      fc.property(fc.array(element, { maxLength: 30 }), fc.integer({ min: 1, max: 3000 }), fc.option(fc.nat()), fc.boolean(), (records, sliceBytes, damageAt, keep) => {
        let text = JSON.stringify({ Records: records });
        if (damageAt !== null) {
          const at = damageAt % text.length;
          text = text.slice(0, at) + text.slice(at + 1); // one character gone: usually no longer JSON, sometimes still
        }
        if (expectSameAsWholeText(text, keep ? keepBedrock : undefined, sliceBytes)) slicedRuns++;
      }),
      { numRuns: 400 },
    );
    expect(slicedRuns).toBeGreaterThan(40); // the slices were taken, not only refused
  });
});
