import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileInterest } from './interest-filter.ts';
import { decodeWholeFile, type WholeFileResult, type WholeFileSelection } from './decode-whole-file.ts';
import { WholeInflater } from './inflate-whole.ts';
import { deliveryDocument, ndjson, trailRecord } from '../file/testdata/harness.ts';

const where = { source: 'file', location: '/logs/a.json.gz' };
const MAX_RECORD = 16 * 1024 * 1024;
const everything = { filter: undefined, prefilter: false, maxRecordSize: MAX_RECORD };
const inflater = new WholeInflater(32 * 1024 * 1024);

// Every input here inflates far below the inflater's limit: decoded whole.
function decode(bytes: Buffer, selection: WholeFileSelection): WholeFileResult {
  const result = decodeWholeFile(bytes, where, selection, inflater);
  if (result === undefined) throw new Error('inflates past the limit');
  return result;
}

describe('decodeWholeFile', () => {
  it('decodes a gzipped delivery file with record indexes', () => {
    const { batch, prefiltered } = decode(gzipSync(deliveryDocument(0, 3)), everything);
    expect(prefiltered).toBe(false);
    expect(batch.rejections).toEqual([]);
    expect(batch.events.map((e) => [e.eventId, e.origin.index, e.origin.location])).toEqual([
      ['evt-0', 0, '/logs/a.json.gz'],
      ['evt-1', 1, '/logs/a.json.gz'],
      ['evt-2', 2, '/logs/a.json.gz'],
    ]);
  });

  it('keeps the complete records of a gzipped delivery file cut in half, and reports the cut', () => {
    const gz = gzipSync(deliveryDocument(0, 40));
    const { batch } = decode(gz.subarray(0, gz.length >> 1), everything);
    expect(batch.events.length).toBeGreaterThan(0);
    expect(batch.events.length).toBeLessThan(40);
    expect(batch.events.map((e) => e.eventId)).toEqual(batch.events.map((_, i) => `evt-${i}`));
    expect(batch.rejections).toHaveLength(1);
    expect(batch.rejections[0]).toMatchObject({ reason: 'truncated', origin: { location: '/logs/a.json.gz', index: -1 } });
    expect(batch.rejections[0]!.message).toMatch(/gzip stream ends early/);
  });

  it('reports a gzip stream missing only its trailer as truncated, keeping every record', () => {
    const gz = gzipSync(deliveryDocument(0, 5));
    const { batch } = decode(gz.subarray(0, gz.length - 4), everything);
    expect(batch.events).toHaveLength(5);
    expect(batch.rejections.map((r) => r.reason)).toEqual(['truncated']);
  });

  it('salvages an uncompressed delivery file cut short, and one broken record among good ones', () => {
    const text = deliveryDocument(0, 4);
    const cut = decode(Buffer.from(text.slice(0, text.indexOf('"evt-3"'))), everything).batch;
    expect(cut.events.map((e) => e.eventId)).toEqual(['evt-0', 'evt-1', 'evt-2']);
    expect(cut.rejections.map((r) => r.reason)).toEqual(['truncated']);

    const broken = text.replace('"eventName":"GetObject","awsRegion"', '"eventName":"GetObject" "awsRegion"');
    const salvaged = decode(Buffer.from(broken), everything).batch;
    expect(salvaged.events.map((e) => e.eventId)).toEqual(['evt-1', 'evt-2', 'evt-3']);
    expect(salvaged.rejections).toMatchObject([{ reason: 'malformed-json', origin: { index: 0 } }]);
  });

  it('keeps the complete lines of cut gzipped NDJSON (core behaviour)', () => {
    const gz = gzipSync(ndjson(0, 40));
    const { batch } = decode(gz.subarray(0, gz.length >> 1), everything);
    expect(batch.events.length).toBeGreaterThan(0);
    expect(batch.rejections.map((r) => r.reason)).toEqual(['truncated']);
  });

  it('leaves a damaged gzip stream to the streaming readers, which keep the records before the damage', () => {
    const gz = gzipSync(deliveryDocument(0, 5));
    const badLength = Buffer.from(gz);
    badLength.writeUInt32LE(gz.readUInt32LE(gz.length - 4) + 1, gz.length - 4);
    const badCrc = Buffer.from(gz);
    badCrc.writeUInt32LE(gz.readUInt32LE(gz.length - 8) ^ 1, gz.length - 8);
    for (const damaged of [Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9]), badLength, badCrc]) {
      expect(decodeWholeFile(damaged, where, everything, inflater)).toBeUndefined();
    }
  });

  it('leaves a file that inflates past the inflater\'s limit to the streaming readers, whatever its trailer says, cut or not', () => {
    const small = new WholeInflater(256 * 1024);
    const big = gzipSync(deliveryDocument(0, 2000));
    expect(decodeWholeFile(big, where, everything, inflater)?.batch.events).toHaveLength(2000);
    expect(decodeWholeFile(big, where, everything, small)).toBeUndefined();
    const lying = Buffer.from(big);
    lying.writeUInt32LE(1000, big.length - 4);
    expect(decodeWholeFile(lying, where, everything, small)).toBeUndefined();
    expect(decodeWholeFile(Buffer.concat([big, gzipSync(' ')]), where, everything, small)).toBeUndefined();
    expect(decodeWholeFile(big.subarray(0, big.length - 100), where, everything, small)).toBeUndefined();
    // A cut file within the limit is still salvaged here.
    expect(decodeWholeFile(big.subarray(0, 1000), where, everything, small)?.batch.rejections).toMatchObject([{ reason: 'truncated' }]);
  });

  it('reports a file that is blank once inflated as blank, not as skipped by the prefilter', () => {
    const bedrock = compileInterest([{ eventSource: 'bedrock.amazonaws.com' }]);
    for (const bytes of [Buffer.alloc(0), Buffer.from(' \n'), gzipSync('\n\t ')]) {
      expect(decode(bytes, { filter: bedrock, prefilter: true, maxRecordSize: MAX_RECORD })).toEqual({ batch: { events: [], rejections: [] }, prefiltered: false, skippedRecords: 0, unmatchedRecords: 0, blank: true });
    }
    expect(decode(Buffer.from(' {"Records":[]}'), everything).blank).toBeUndefined();
  });

  it('skips a file without the needles unparsed, and parses only the matching records of a file with one', () => {
    const bedrock = compileInterest([{ eventSource: 'bedrock.amazonaws.com' }]);
    const s3Only = Buffer.from(deliveryDocument(0, 3));
    expect(decode(s3Only, { filter: bedrock, prefilter: true, maxRecordSize: MAX_RECORD })).toEqual({ batch: { events: [], rejections: [] }, prefiltered: true, skippedRecords: 0, unmatchedRecords: 0 });
    const mixed = Buffer.from(JSON.stringify({ Records: [trailRecord(0), trailRecord(1, { eventSource: 'bedrock.amazonaws.com' }), trailRecord(2)] }));
    const { batch, prefiltered, skippedRecords } = decode(gzipSync(mixed), { filter: bedrock, prefilter: true, maxRecordSize: MAX_RECORD });
    expect(prefiltered).toBe(false);
    expect(skippedRecords).toBe(2);
    expect(batch.events.map((e) => [e.eventId, e.origin.index])).toEqual([['evt-1', 1]]);
  });

  it('skips unread only files that are whole documents: junk, cut files and stray JSON are decoded and reported', () => {
    const bedrock = { filter: compileInterest([{ eventSource: 'bedrock.amazonaws.com' }]), prefilter: true, maxRecordSize: MAX_RECORD };
    const s3Only = deliveryDocument(0, 3);
    expect(decode(Buffer.from(ndjson(0, 3)), bedrock).prefiltered).toBe(true);
    expect(decode(Buffer.from(`[${JSON.stringify(trailRecord(0))}]`), bedrock).prefiltered).toBe(true);
    const reasons = (text: string | Buffer): string[] => {
      const result = decode(Buffer.from(text), bedrock);
      expect(result.prefiltered).toBe(false);
      return result.batch.rejections.map((r) => r.reason);
    };
    expect(reasons(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]))).toEqual(['malformed-json']);
    expect(reasons(s3Only.slice(0, s3Only.length - 40))).toContain('truncated');
    expect(reasons('{"hello":"world"}')).toEqual(['not-cloudtrail']);
  });

  it('keeps only the events the prefilter matches when a file must be decoded whole', () => {
    const invoke = compileInterest([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }]);
    // Pretty-printed with keys in another order in each record: not splittable by record, so decoded whole.
    const records = [trailRecord(0), trailRecord(1, { eventSource: 'bedrock.amazonaws.com', eventName: 'invokemodel' }), { eventSource: 'bedrock.amazonaws.com', ...trailRecord(2, { eventName: 'ListFoundationModels' }) }];
    const { batch, skippedRecords } = decode(Buffer.from(JSON.stringify({ Records: records }, null, 1).replace('"Records": [', '"Records": [ ')), { filter: invoke, prefilter: true, maxRecordSize: MAX_RECORD });
    expect(skippedRecords).toBe(0);
    expect(batch.events.map((e) => e.eventId)).toEqual(['evt-1']);
  });

  it('without the prefilter, validates every record but returns only matching events and each partition\'s newest other', () => {
    const bedrock = compileInterest([{ eventSource: 'bedrock.amazonaws.com' }]);
    const records = [
      trailRecord(0, { eventTime: '2026-11-02T10:00:03Z' }),
      trailRecord(1, { eventSource: 'bedrock.amazonaws.com', eventTime: '2026-11-02T10:00:01Z' }),
      { ...trailRecord(2), eventTime: undefined },
      trailRecord(3, { eventTime: '2026-11-02T10:00:02Z' }),
    ];
    const { batch, skippedRecords, unmatchedRecords } = decode(gzipSync(JSON.stringify({ Records: records })), { filter: bedrock, prefilter: false, maxRecordSize: MAX_RECORD });
    expect(skippedRecords).toBe(0);
    expect(unmatchedRecords).toBe(1);
    expect(batch.events.map((e) => e.eventId)).toEqual(['evt-0', 'evt-1']);
    expect(batch.rejections).toMatchObject([{ reason: 'missing-event-time', origin: { index: 2 } }]);
  });
});
