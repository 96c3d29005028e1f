import { MemoryCheckpointStore, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

const START = Date.UTC(2026, 9, 1);
const place = { account: '555555555555', region: 'us-west-2' };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

describe('s3 source, bad objects', () => {
  it('reports a non-gzip, truncated, empty or non-CloudTrail object with its key, skips it and moves its checkpoint past it', async () => {
    const good = [trailFile(place, START + 60_000), trailFile(place, START + 60 * 60_000)];
    const keyAt = (minute: number): string => trailFile(place, START + minute * 60_000).key;
    const whole = trailFile(place, START + 7 * 60_000).body;
    const bad: Record<string, Uint8Array> = {
      [keyAt(2)]: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]),
      [keyAt(3)]: whole.subarray(0, Math.floor(whole.length / 2)),
      [keyAt(4)]: new Uint8Array(),
      [keyAt(5)]: gzipSync(JSON.stringify({ hello: 'world', items: [1, 2, 3] })),
      [keyAt(6)]: gzipSync(''),
    };
    await emulator.createBucket('bad-objects');
    for (const file of good) await emulator.putObject('bad-objects', file.key, file.body);
    for (const [key, body] of Object.entries(bad)) await emulator.putObject('bad-objects', key, body);
    const checkpoints = new MemoryCheckpointStore();
    const config = s3SourceConfigSchema.parse({
      bucket: 'bad-objects', startTime: '2026-10-01', once: true, endpoint: emulator.endpoint, region: TEST_REGION, forcePathStyle: true,
    });

    const context = testContext('s3/bad', { clock: systemClock, checkpoints });
    const first = new S3Source(config, context, { credentials: TEST_CREDENTIALS });
    const batches = await drain(first.read(new AbortController().signal));
    const again = await drain(new S3Source(config, testContext('s3/bad', { clock: systemClock, checkpoints }), { credentials: TEST_CREDENTIALS }).read(new AbortController().signal));

    expect(batches).toHaveLength(good.length + Object.keys(bad).length);
    expect(batches.flatMap((b) => b.events).map((e) => e.origin.location)).toEqual(
      good.flatMap((f) => f.records.map(() => `s3://bad-objects/${f.key}`)),
    );
    const reported = new Map(context.errors.rejections.map((r) => [r.origin.location.replace('s3://bad-objects/', ''), r.reason]));
    expect(Object.fromEntries(reported)).toEqual({
      [keyAt(2)]: 'malformed-json',
      [keyAt(3)]: 'truncated',
      [keyAt(4)]: 'unreadable',
      [keyAt(5)]: 'not-cloudtrail',
      [keyAt(6)]: 'unreadable',
    });
    expect(again).toEqual([]);
  });

  it('reports an object that vanished between listing and download, and goes on', async () => {
    const files = [trailFile(place, START + 60_000), trailFile(place, START + 2 * 60_000)];
    await emulator.createBucket('vanishing');
    for (const file of files) await emulator.putObject('vanishing', file.key, file.body);
    const config = s3SourceConfigSchema.parse({
      bucket: 'vanishing', startTime: '2026-10-01', once: true, concurrency: 1, endpoint: emulator.endpoint, region: TEST_REGION, forcePathStyle: true,
    });
    const context = testContext('s3/vanishing', { clock: systemClock });
    const reading = new S3Source(config, context, { credentials: TEST_CREDENTIALS }).read(new AbortController().signal)[Symbol.asyncIterator]();

    const first = await reading.next();
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await emulator.s3.send(new DeleteObjectCommand({ Bucket: 'vanishing', Key: files[1]!.key }));
    const second = await reading.next();

    expect(first.value?.events).toHaveLength(3);
    // With concurrency 1 the second download starts only when the second batch is asked for: after the deletion.
    expect(second.value?.events).toEqual([]);
    expect(context.errors.rejections).toEqual([
      expect.objectContaining({ reason: 'unreadable', origin: expect.objectContaining({ location: `s3://vanishing/${files[1]!.key}` }) }),
    ]);
    expect(context.errors.rejections[0]!.message).toMatch(/does not exist \(NoSuchKey\)/);
    expect((await reading.next()).done).toBe(true);
  });
});
