import { gzipSync } from 'node:zlib';
import { systemClock } from '@jackwatch/core';
import type { CloudTrailRecord } from '@jackwatch/core';
import { cloudTrailRecord, iamUser, testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { MAX_WHOLE_OBJECT_SIZE } from './object-reader.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

const START = Date.UTC(2026, 9, 1);
const place = { account: '555555555555', region: 'us-west-2' };
const invoke = (id: string, minute: number): CloudTrailRecord =>
  cloudTrailRecord({ eventId: id, time: START + minute * 60_000, action: 'InvokeModel', region: place.region, identity: iamUser({ account: place.account }) });
// A valid Bedrock record of about `bytes`, its string full of quotes, brackets and backslashes.
const giant = (id: string, minute: number, bytes: number): CloudTrailRecord => ({ ...invoke(id, minute), requestParameters: { prompt: '\\"]}[{'.repeat(bytes / 8) } });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
});

describe('s3 source: a record beyond maxRecordSize costs only itself', () => {
  it('in an object read whole, one streamed from its compressed bytes, and one streamed as it downloads', { timeout: 120_000 }, async () => {
    const objects = [
      // Small: downloaded and decoded whole.
      { name: 'whole', records: [invoke('w-1', 1), giant('w-big', 1, 64 * 1024), invoke('w-2', 1)], gzip: true },
      // 40 MB of JSON that gzips to little: its trailer says to stream it from the downloaded bytes.
      { name: 'inflates', records: [invoke('i-1', 2), giant('i-big', 2, 40_000_000), invoke('i-2', 2)], gzip: true },
      // Over the whole-object limit as stored: streamed as it downloads.
      { name: 'large', records: [invoke('l-1', 3), giant('l-big', 3, MAX_WHOLE_OBJECT_SIZE + 1_000_000), invoke('l-2', 3)], gzip: false },
    ];
    await emulator.createBucket('big-records');
    for (const [i, object] of objects.entries()) {
      const json = JSON.stringify({ Records: object.records });
      await emulator.putObject('big-records', trailFile(place, START + (i + 1) * 5 * 60_000).key, object.gzip ? gzipSync(json) : json);
    }
    for (const prefilter of [true, false]) {
      const config = s3SourceConfigSchema.parse({
        bucket: 'big-records', startTime: '2026-10-01', once: true, prefilter, maxRecordSize: '32KiB', endpoint: emulator.endpoint, region: TEST_REGION,
      });
      const context = testContext('s3/big', { clock: systemClock, interest: [{ eventSource: 'bedrock.amazonaws.com' }] });
      const batches = await drain(new S3Source(config, context, { credentials: TEST_CREDENTIALS }).read(new AbortController().signal));

      expect(batches.flatMap((b) => b.events.map((e) => e.eventId))).toEqual(['w-1', 'w-2', 'i-1', 'i-2', 'l-1', 'l-2']);
      // Objects are decoded `concurrency` at a time: their rejections come in any order.
      const byObject = (a: unknown[], b: unknown[]): number => String(a[1]).localeCompare(String(b[1]));
      expect(context.errors.rejections.map((r) => [r.reason, r.origin.location, r.origin.index, /is (\d+) bytes/.exec(r.message)?.[1]]).sort(byObject)).toEqual(
        objects
          .map((o, i) => ['malformed-json', `s3://big-records/${trailFile(place, START + (i + 1) * 5 * 60_000).key}`, 1, String(Buffer.byteLength(JSON.stringify(o.records[1])))])
          .sort(byObject),
      );
      expect(context.errors.rejections[0]!.message).toContain('longer than maxRecordSize (32768 bytes)');
      expect(context.errors.errors).toEqual([]);
    }
  });
});
