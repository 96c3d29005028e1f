import type { CloudTrailRecord } from '@jackwatch/core';
import { cloudTrailRecord, iamUser } from '@jackwatch/core/testing';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { WholeFileSelection } from '../internal/decode-whole-file.ts';
import { WholeInflater } from '../internal/inflate-whole.ts';
import { compileInterest } from '../internal/interest-filter.ts';
import { decodeObject, type DecodedObject } from './object-decoder.ts';
import { MAX_WHOLE_OBJECT_SIZE } from './object-reader.ts';

const where = { source: 's3/test', location: 's3://trail/AWSLogs/111111111111/CloudTrail/us-east-1/2026/10/01/object.json.gz' };
const MAX_RECORD = 16 * 1024 * 1024;
const everything = { filter: undefined, prefilter: false, maxRecordSize: MAX_RECORD };
const bedrock = compileInterest([{ eventSource: 'bedrock.amazonaws.com' }]);
const invokeOnly = compileInterest([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }]);
// One inflater for every test, as an ObjectReader reuses its own.
const inflater = new WholeInflater(MAX_WHOLE_OBJECT_SIZE);
const T = Date.UTC(2026, 9, 1, 10);

function record(eventId: string, source: string, action: string, time: number, region = 'us-east-1'): CloudTrailRecord {
  return cloudTrailRecord({ eventId, source, action, time, region, identity: iamUser({ account: '111111111111' }) });
}

function delivery(records: readonly CloudTrailRecord[]): Buffer {
  return gzipSync(JSON.stringify({ Records: records }));
}

const ec2 = (id: string, time = T): CloudTrailRecord => record(id, 'ec2.amazonaws.com', 'DescribeInstances', time);

// Every object here inflates far below the limit: decoded whole.
function decodeWhole(bytes: Uint8Array, selection: WholeFileSelection): DecodedObject {
  const decoded = decodeObject(bytes, where, selection, inflater);
  if (decoded === undefined) throw new Error('inflates past the limit');
  return decoded;
}

describe('decodeObject', () => {
  it('rejects an empty object as unreadable', () => {
    expect(decodeWhole(new Uint8Array(), everything)).toEqual({
      events: [],
      rejections: [{ reason: 'unreadable', message: 'empty object (0 bytes): not a CloudTrail delivery file', origin: { ...where, index: -1 } }],
      skipped: false,
      skippedRecords: 0,
      unmatchedRecords: 0,
    });
  });

  it('rejects an object that is blank once gunzipped, even when the prefilter would skip it', () => {
    for (const selection of [everything, { filter: bedrock, prefilter: true, maxRecordSize: MAX_RECORD }]) {
      const decoded = decodeWhole(gzipSync(' \n\t\n'), selection);
      expect(decoded.skipped).toBe(false);
      expect(decoded.events).toEqual([]);
      expect(decoded.rejections).toEqual([{ reason: 'unreadable', message: 'object holds no data after decompression', origin: { ...where, index: -1 } }]);
    }
  });

  it('reports a binary object that is not gzip', () => {
    const decoded = decodeWhole(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]), everything);
    expect(decoded.events).toEqual([]);
    expect(decoded.rejections.map((r) => [r.reason, r.origin.index])).toEqual([['malformed-json', -1]]);
  });

  it('keeps the complete records of a truncated gzip object and reports the truncation, prefilter or not', () => {
    const records = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? ec2(`e${i}`, T + i) : record(`e${i}`, 'bedrock.amazonaws.com', 'InvokeModel', T + i)));
    const whole = delivery(records);
    const cut = whole.subarray(0, whole.length >> 1);

    const all = decodeWhole(cut, everything);
    expect(all.events.length).toBeGreaterThan(0);
    expect(all.events.length).toBeLessThan(40);
    expect(all.events.map((e) => e.eventId)).toEqual(all.events.map((_, i) => `e${i}`));
    expect(all.rejections).toMatchObject([{ reason: 'truncated', origin: { location: where.location, index: -1 } }]);

    const filtered = decodeWhole(cut, { filter: bedrock, prefilter: true, maxRecordSize: MAX_RECORD });
    expect(filtered.skipped).toBe(false);
    expect(filtered.events.map((e) => e.eventId)).toEqual(all.events.filter((e) => e.source === 'bedrock.amazonaws.com').map((e) => e.eventId));
    expect(filtered.rejections.map((r) => r.reason)).toEqual(['truncated']);
  });

  it('skips unparsed an object that names none of the event sources of interest', () => {
    expect(decodeWhole(delivery([ec2('a'), ec2('b')]), { filter: bedrock, prefilter: true, maxRecordSize: MAX_RECORD })).toEqual({
      events: [],
      rejections: [],
      skipped: true,
      skippedRecords: 0,
      unmatchedRecords: 0,
    });
  });

  it('with the prefilter, parses only the records of a mixed object that name an event source of interest', () => {
    const mixed = delivery([
      ec2('a'),
      record('b', 'bedrock.amazonaws.com', 'InvokeModel', T + 1),
      record('c', 'sts.amazonaws.com', 'GetCallerIdentity', T + 2),
      record('d', 'bedrock.amazonaws.com', 'ListFoundationModels', T + 3),
    ]);
    const decoded = decodeWhole(mixed, { filter: invokeOnly, prefilter: true, maxRecordSize: MAX_RECORD });
    expect(decoded).toMatchObject({ skipped: false, skippedRecords: 2, unmatchedRecords: 0, rejections: [] });
    expect(decoded.events.map((e) => [e.eventId, e.origin.index])).toEqual([['b', 1]]);

    // The next object reuses the inflater's buffer: what came back before must not change.
    decodeWhole(delivery([ec2('x')]), everything);
    expect(decoded.events[0]).toMatchObject({ eventId: 'b', action: 'InvokeModel', time: T + 1 });
  });

  it('without the prefilter, validates every record but returns only matching events and each partition\'s newest other', () => {
    const decoded = decodeWhole(
      delivery([
        ec2('a', T + 3_000),
        record('b', 'bedrock.amazonaws.com', 'InvokeModel', T + 1_000),
        ec2('c', T + 2_000),
        record('d', 'sts.amazonaws.com', 'GetCallerIdentity', T, 'eu-west-1'),
        record('e', 'sts.amazonaws.com', 'GetCallerIdentity', T - 1_000, 'eu-west-1'),
      ]),
      { filter: bedrock, prefilter: false, maxRecordSize: MAX_RECORD },
    );
    expect(decoded).toMatchObject({ skipped: false, skippedRecords: 0, unmatchedRecords: 2, rejections: [] });
    expect(decoded.events.map((e) => e.eventId)).toEqual(['a', 'b', 'd']);
  });

  it('returns every event when a detector wants them all', () => {
    const decoded = decodeWhole(delivery([ec2('a'), record('b', 'bedrock.amazonaws.com', 'InvokeModel', T)]), { filter: undefined, prefilter: true, maxRecordSize: MAX_RECORD });
    expect(decoded).toMatchObject({ skipped: false, skippedRecords: 0, unmatchedRecords: 0 });
    expect(decoded.events.map((e) => e.eventId)).toEqual(['a', 'b']);
  });
});
