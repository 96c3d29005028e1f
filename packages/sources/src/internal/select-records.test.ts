import { describe, expect, it } from 'vitest';
import { containsAny, selectRecords } from './select-records.ts';
import { trailRecord } from '../file/testdata/harness.ts';

const bedrock = [Buffer.from('bedrock.amazonaws.com')];
const doc = (records: unknown[], space?: number): Buffer => Buffer.from(JSON.stringify({ Records: records }, null, space));

describe('selectRecords', () => {
  it('picks the records whose bytes contain a needle, with their index, and counts all', () => {
    const records = [trailRecord(0), trailRecord(1, { eventSource: 'bedrock.amazonaws.com' }), trailRecord(2), trailRecord(3, { errorMessage: 'no bedrock.amazonaws.com access' })];
    const selection = selectRecords(doc(records), bedrock)!;
    expect(selection.total).toBe(4);
    expect(selection.records.map((r) => r.index)).toEqual([1, 3]);
    expect(selection.records.map((r) => JSON.parse(r.text))).toEqual([records[1], records[3]]);
  });

  it('splits pretty-printed documents and multi-byte text, and takes a record with two hits once', () => {
    const records = [trailRecord(0, { userAgent: 'Übersicht — 日本' }), trailRecord(1, { eventSource: 'bedrock.amazonaws.com', userAgent: 'bedrock.amazonaws.com' }), trailRecord(2, { eventSource: 'bedrock.amazonaws.com', userAgent: 'ü' })];
    const selection = selectRecords(doc(records, 2), bedrock)!;
    expect(selection.records.map((r) => [r.index, JSON.parse(r.text)])).toEqual([[1, records[1]], [2, records[2]]]);
  });

  it('does not take a nested object that opens with the same key for a record', () => {
    const nested = trailRecord(1, { eventSource: 'bedrock.amazonaws.com', additionalEventData: { eventVersion: '1.0', x: 1 } });
    const records = [trailRecord(0), nested, trailRecord(2)];
    const selection = selectRecords(doc(records), bedrock)!;
    expect(selection.total).toBe(3);
    expect(selection.records.map((r) => JSON.parse(r.text))).toEqual([nested]);
  });

  it('gives up on documents it cannot split: another shape, an empty array, a cut', () => {
    const good = doc([trailRecord(0, { eventSource: 'bedrock.amazonaws.com' })]);
    expect(selectRecords(Buffer.from(JSON.stringify([trailRecord(0, { eventSource: 'bedrock.amazonaws.com' })])), bedrock)).toBeUndefined();
    expect(selectRecords(Buffer.from('{"Records":[]}'), bedrock)).toBeUndefined();
    expect(selectRecords(good.subarray(0, good.length - 3), bedrock)).toBeUndefined();
    expect(selectRecords(Buffer.from('{"Other":1,"Records":[{"a":"bedrock.amazonaws.com"}]}'), bedrock)).toBeUndefined();
  });

  it('tells whether any needle occurs at all', () => {
    expect(containsAny(doc([trailRecord(0)]), bedrock)).toBe(false);
    expect(containsAny(doc([trailRecord(0)]), [...bedrock, Buffer.from('s3.amazonaws.com')])).toBe(true);
  });
});
