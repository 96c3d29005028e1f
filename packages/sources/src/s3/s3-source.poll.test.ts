import { MemoryCheckpointStore, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { batchLocation, drain } from './testdata/read-batches.ts';
import { type TrailFile, type TrailPlace, trailFile } from './testdata/trail-files.ts';
import { trailKeyTime } from './trail-key.ts';

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1);
const ACCOUNTS = ['111111111111', '222222222222'];
const REGIONS = ['us-east-1', 'eu-west-1'];

let emulator: Emulator;
let buckets = 0;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

async function bucketWith(files: readonly TrailFile[], extra: Record<string, Uint8Array | string> = {}): Promise<string> {
  const bucket = `trail-${++buckets}`;
  await emulator.createBucket(bucket);
  for (const file of files) await emulator.putObject(bucket, file.key, file.body);
  for (const [key, body] of Object.entries(extra)) await emulator.putObject(bucket, key, body);
  return bucket;
}

function source(options: Record<string, unknown>, context = testContext('s3/test', { clock: systemClock })): { source: S3Source; context: typeof context } {
  const config = s3SourceConfigSchema.parse({ endpoint: emulator.endpoint, region: TEST_REGION, forcePathStyle: true, ...options });
  return { source: new S3Source(config, context, { credentials: TEST_CREDENTIALS }), context };
}

/** Four files a day, every 6 hours (offset per partition), for `days` days from START, in every account and region. */
function organizationFiles(days: number, places: readonly TrailPlace[] = ACCOUNTS.flatMap((account) => REGIONS.map((region) => ({ account, region })))): TrailFile[] {
  return places.flatMap((place, p) =>
    Array.from({ length: days * 4 }, (_, i) => trailFile(place, START + i * 6 * 3_600_000 + p * 7 * 60_000 + 60_000)),
  );
}

const keysOf = (batches: Awaited<ReturnType<typeof drain>>): string[] => batches.map((b) => batchLocation(b)!.replace(/^s3:\/\/[^/]+\//, ''));

describe('s3 source, poll mode', () => {
  it('backfills every account, region and day from startTime in file-time order, skipping digests, insights and older files', async () => {
    const files = organizationFiles(3);
    const before = trailFile({ account: ACCOUNTS[0]!, region: REGIONS[0]! }, START - 3_600_000);
    const digest = `AWSLogs/${ACCOUNTS[0]}/CloudTrail-Digest/${REGIONS[0]}/2026/10/01/${ACCOUNTS[0]}_CloudTrail-Digest_${REGIONS[0]}_trail_${REGIONS[0]}_20261001T010000Z.json.gz`;
    const insight = `AWSLogs/${ACCOUNTS[1]}/CloudTrail-Insight/${REGIONS[1]}/2026/10/01/${ACCOUNTS[1]}_CloudTrail-Insight_${REGIONS[1]}_20261001T0100Z_x.json.gz`;
    const bucket = await bucketWith([...files, before], { [digest]: before.body, [insight]: before.body });
    const { source: s3, context } = source({ bucket, startTime: '2026-10-01', once: true, concurrency: 4, listPageSize: 3 });

    await s3.start();
    const batches = await drain(s3.read(new AbortController().signal));
    await s3.shutdown();

    const keys = keysOf(batches);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(files.map((f) => f.key).sort());
    const times = keys.map((key) => trailKeyTime(key)!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(batches.flatMap((b) => b.events)).toHaveLength(files.length * 3);
    expect(batches.every((b) => b.bytes! > 0)).toBe(true);
    expect(context.errors.rejections).toEqual([]);
    expect(context.telemetry.total('jackwatch.s3.objects.read')).toBe(files.length);
  });

  it('resumes after the last acknowledged key of each partition after a restart', async () => {
    const files = organizationFiles(2);
    const bucket = await bucketWith(files);
    const checkpoints = new MemoryCheckpointStore();
    const options = { bucket, startTime: '2026-10-01', once: true, concurrency: 3 };

    const first = source(options, testContext('s3/a', { clock: systemClock, checkpoints })).source;
    const firstRun = keysOf(await drain(first.read(new AbortController().signal), { limit: 11 }));
    await first.shutdown();
    const second = source(options, testContext('s3/a', { clock: systemClock, checkpoints })).source;
    const secondRun = keysOf(await drain(second.read(new AbortController().signal)));
    await second.shutdown();

    expect(firstRun).toHaveLength(11);
    expect(secondRun.filter((key) => firstRun.includes(key))).toEqual([]);
    expect([...firstRun, ...secondRun].sort()).toEqual(files.map((f) => f.key).sort());
  });

  it('reads again after a restart exactly the batches that were handed out but not acknowledged', async () => {
    const files = organizationFiles(1);
    const bucket = await bucketWith(files);
    const checkpoints = new MemoryCheckpointStore();
    const options = { bucket, startTime: '2026-10-01', once: true };

    const first = source(options, testContext('s3/b', { clock: systemClock, checkpoints })).source;
    const handedOut = await drain(first.read(new AbortController().signal), { limit: 8, ack: false });
    for (const batch of handedOut.slice(0, 5)) await batch.ack?.();
    await first.shutdown();
    const second = source(options, testContext('s3/b', { clock: systemClock, checkpoints })).source;
    const again = keysOf(await drain(second.read(new AbortController().signal)));
    await second.shutdown();

    const acked = keysOf(handedOut.slice(0, 5));
    expect(again.filter((key) => acked.includes(key))).toEqual([]);
    expect(again).toEqual(expect.arrayContaining(keysOf(handedOut.slice(5))));
    expect([...acked, ...again].sort()).toEqual(files.map((f) => f.key).sort());
  });

  it('picks up files that arrive while it runs, late files within lateDelivery, and across midnight', async () => {
    const place = { account: ACCOUNTS[0]!, region: REGIONS[0]! };
    const other = { account: ACCOUNTS[1]!, region: REGIONS[1]! };
    const early = [trailFile(place, START + 23 * 3_600_000 + 50 * 60_000), trailFile(place, START + DAY + 5 * 60_000)];
    const bucket = await bucketWith(early);
    const { source: s3 } = source({ bucket, startTime: '2026-10-01', pollInterval: '1s' });
    const abort = new AbortController();
    const reading = s3.read(abort.signal)[Symbol.asyncIterator]();
    const next = async (): Promise<string> => {
      const result = await reading.next();
      await result.value?.ack?.();
      return keysOf([result.value!])[0]!;
    };

    expect([await next(), await next()]).toEqual(early.map((f) => f.key));
    // Delivered late: 23:58 of the previous day (in yesterday's folder), 00:03 today, a new partition, and a file too late to look for.
    const late = [trailFile(place, START + DAY - 2 * 60_000), trailFile(place, START + DAY + 3 * 60_000), trailFile(other, START + DAY + 4 * 60_000)];
    const tooLate = trailFile(place, START + DAY - 60 * 60_000);
    for (const file of [...late, tooLate]) await emulator.putObject(bucket, file.key, file.body);
    const arrived = [await next(), await next(), await next()];
    const newer = trailFile(place, START + DAY + 20 * 60_000);
    await emulator.putObject(bucket, newer.key, newer.body);
    const last = await next();
    abort.abort();
    expect(await reading.next()).toEqual({ done: true, value: undefined });
    await s3.shutdown();

    expect(arrived.sort()).toEqual(late.map((f) => f.key).sort());
    expect(last).toBe(newer.key);
  });

  it('discovers organization trails under a key prefix, and filters accounts and regions', async () => {
    const organizationId = 'o-a1b2c3d4e5';
    const places = [
      { account: '333333333333', region: 'us-east-1', prefix: 'org/', organizationId },
      { account: '333333333333', region: 'ap-south-1', prefix: 'org/', organizationId },
      { account: '444444444444', region: 'us-east-1', prefix: 'org/', organizationId },
    ];
    const files = organizationFiles(1, places);
    const bucket = await bucketWith(files);

    const all = source({ bucket, prefix: 'org', startTime: '2026-10-01', once: true }).source;
    const everything = keysOf(await drain(all.read(new AbortController().signal)));
    const some = source({ bucket, prefix: 'org/', startTime: '2026-10-01', once: true, accounts: ['333333333333'], regions: ['us-east-1'] }).source;
    const filtered = keysOf(await drain(some.read(new AbortController().signal)));
    const configured = source({ bucket, prefix: 'org/', startTime: '2026-10-01', once: true, organizationId, accounts: ['444444444444'], regions: ['us-east-1'] }).source;
    const direct = keysOf(await drain(configured.read(new AbortController().signal)));
    await Promise.all([all.shutdown(), some.shutdown(), configured.shutdown()]);

    expect(everything.sort()).toEqual(files.map((f) => f.key).sort());
    expect(filtered.sort()).toEqual(files.filter((f) => f.key.includes('/333333333333/CloudTrail/us-east-1/')).map((f) => f.key).sort());
    expect(direct.sort()).toEqual(files.filter((f) => f.key.includes('/444444444444/')).map((f) => f.key).sort());
  });

  it('reads a flat prefix in key order and resumes after its last key', async () => {
    const files = organizationFiles(1, [{ account: ACCOUNTS[0]!, region: REGIONS[0]!, prefix: 'exports/' }]);
    const bucket = await bucketWith(files, { 'exports/readme/': new Uint8Array() });
    const checkpoints = new MemoryCheckpointStore();
    const options = { bucket, prefix: 'exports/', layout: 'flat', startTime: '2026-10-01', once: true };

    const first = source(options, testContext('s3/f', { clock: systemClock, checkpoints })).source;
    const firstRun = keysOf(await drain(first.read(new AbortController().signal), { limit: 2 }));
    const second = source(options, testContext('s3/f', { clock: systemClock, checkpoints })).source;
    const secondRun = keysOf(await drain(second.read(new AbortController().signal)));
    await Promise.all([first.shutdown(), second.shutdown()]);

    expect([...firstRun, ...secondRun]).toEqual(files.map((f) => f.key).sort());
  });
});
