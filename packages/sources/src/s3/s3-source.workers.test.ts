import { gzipSync } from 'node:zlib';
import { type CloudTrailRecord, systemClock } from '@jackwatch/core';
import { cloudTrailRecord, iamUser, testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { MAX_WHOLE_OBJECT_SIZE } from './object-reader.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

const START = Date.UTC(2026, 9, 1);
const place = { account: '444444444444', region: 'eu-west-1' };
const interest = [{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }];
const keyAt = (minute: number): string => trailFile(place, START + minute * 60_000).key;
const record = (id: string, minute: number, bedrock: boolean): CloudTrailRecord =>
  cloudTrailRecord({
    eventId: id,
    time: START + minute * 60_000 - 1_000,
    action: bedrock ? 'InvokeModel' : 'GetCallerIdentity',
    source: bedrock ? 'bedrock.amazonaws.com' : 'sts.amazonaws.com',
    region: place.region,
    identity: iamUser({ account: place.account }),
  });

// Good objects, bad ones of every kind, a record past maxRecordSize, and a gzip bomb whose trailer lies (sent to a worker, which gives it back to be streamed).
function objects(): Record<string, Uint8Array> {
  const bodies: Record<string, Uint8Array> = {};
  for (let m = 1; m <= 12; m++) {
    bodies[keyAt(m * 5)] = gzipSync(JSON.stringify({ Records: [record(`a-${m}`, m * 5, m % 3 === 0), record(`b-${m}`, m * 5, true), record(`c-${m}`, m * 5, false)] }));
  }
  const whole = bodies[keyAt(5)]!;
  bodies[keyAt(61)] = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff]);
  bodies[keyAt(62)] = whole.subarray(0, Math.floor(whole.length / 2));
  bodies[keyAt(63)] = new Uint8Array();
  bodies[keyAt(64)] = gzipSync(JSON.stringify({ hello: 'world' }));
  bodies[keyAt(65)] = gzipSync(JSON.stringify({ Records: [record('big-1', 65, true), { ...record('big-2', 65, true), requestParameters: { prompt: 'x'.repeat(64 * 1024) } }, record('big-3', 65, true)] }));
  const bomb = gzipSync(`{"Records":[${JSON.stringify(record('bomb-1', 66, true))}]}${' '.repeat(MAX_WHOLE_OBJECT_SIZE + 1024)}`);
  bomb.writeUInt32LE(1_000, bomb.length - 4); // the trailer says 1,000 bytes: decoded whole until it inflates past the limit
  bodies[keyAt(66)] = bomb;
  return bodies;
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.createBucket('workers');
  for (const [key, body] of Object.entries(objects())) await emulator.putObject('workers', key, body);
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
});

describe('s3 source: decode workers', () => {
  for (const prefilter of [true, false]) {
    it(`yields what the main thread yields, in the same order, and reports the same bad objects (prefilter ${prefilter ? 'on' : 'off'})`, { timeout: 120_000 }, async () => {
      const run = async (workers: number) => {
        const config = s3SourceConfigSchema.parse({
          bucket: 'workers', startTime: '2026-10-01', once: true, prefilter, workers, maxRecordSize: '32KiB', endpoint: emulator.endpoint, region: TEST_REGION,
        });
        const context = testContext('s3/workers', { clock: systemClock, interest });
        const source = new S3Source(config, context, { credentials: TEST_CREDENTIALS });
        await source.start();
        const batches = await drain(source.read(new AbortController().signal));
        await source.shutdown();
        return {
          batches: batches.map((b) => ({ events: b.events.map((e) => [e.eventId, e.origin.location, e.origin.index]), bytes: b.bytes, progress: b.progress })),
          rejections: context.errors.rejections.map((r) => [r.reason, r.origin.location, r.origin.index]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
          counters: context.telemetry.snapshot().map((c) => [c.name, c.value]).sort(),
          failures: context.errors.errors,
        };
      };
      const main = await run(0);
      const pooled = await run(2);
      expect(pooled).toEqual(main);
      expect(main.failures).toEqual([]);
      expect(main.batches).toHaveLength(18);
      expect(main.batches.flatMap((b) => b.events.map((e) => e[0])).filter((id) => String(id).startsWith('b-'))).toHaveLength(12);
      expect(main.batches.flatMap((b) => b.events.map((e) => e[0]))).toEqual(expect.arrayContaining(['big-1', 'big-3', 'bomb-1']));
      expect(main.rejections.map(([reason, location]) => [reason, String(location).replace('s3://workers/', '')])).toEqual(
        [
          ['malformed-json', keyAt(61)],
          ['truncated', keyAt(62)],
          ['unreadable', keyAt(63)],
          ['not-cloudtrail', keyAt(64)],
          ['malformed-json', keyAt(65)],
          ['decompression-failed', keyAt(66)], // its trailer does not match what it inflates to: damaged, yet its record is read
        ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
      );
    });
  }
});
