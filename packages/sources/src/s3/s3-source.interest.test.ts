import { systemClock } from '@jackwatch/core';
import type { SourceBatch } from '@jackwatch/core';
import { cloudTrailRecord, iamUser, testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { batchLocation, drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

const START = Date.UTC(2026, 9, 1);
const ACCOUNT = '333333333333';
const east = { account: ACCOUNT, region: 'us-east-1' };
const west = { account: ACCOUNT, region: 'eu-west-1' };
const interest = [{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }];

const at = START + 20 * 60_000;
const record = (eventId: string, source: string, action: string, time: number): ReturnType<typeof cloudTrailRecord> =>
  cloudTrailRecord({ eventId, source, action, time, region: east.region, identity: iamUser({ account: ACCOUNT }) });
// Four records per file; only `mixed` names bedrock, and only its `invoke` matches the interest.
const files = [
  trailFile(east, START + 10 * 60_000, 4),
  trailFile(east, at, 4, [
    record('ec2', 'ec2.amazonaws.com', 'DescribeInstances', at - 240_000),
    record('invoke', 'bedrock.amazonaws.com', 'InvokeModel', at - 180_000),
    record('sts', 'sts.amazonaws.com', 'GetCallerIdentity', at - 120_000),
    record('list', 'bedrock.amazonaws.com', 'ListFoundationModels', at - 60_000),
  ]),
  trailFile(west, START + 15 * 60_000, 4),
];
const [plain, mixed, other] = files;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.createBucket('interest');
  for (const file of files) await emulator.putObject('interest', file.key, file.body);
});
afterAll(async () => {
  await emulator?.stop();
});

async function read(prefilter: boolean): Promise<{ batches: SourceBatch[]; count: (name: string) => number }> {
  const config = s3SourceConfigSchema.parse({ bucket: 'interest', startTime: '2026-10-01', once: true, prefilter, endpoint: emulator.endpoint, region: TEST_REGION, forcePathStyle: true });
  const context = testContext('s3/interest', { clock: systemClock, interest });
  const batches = await drain(new S3Source(config, context, { credentials: TEST_CREDENTIALS }).read(new AbortController().signal));
  expect(batches).toHaveLength(files.length);
  expect(context.errors.rejections).toEqual([]);
  return { batches, count: (name) => context.telemetry.total(name, { source: 's3/interest' }) };
}

const eventsByKey = (batches: readonly SourceBatch[]): Map<string | undefined, string[]> =>
  new Map(batches.map((b) => [batchLocation(b)?.replace('s3://interest/', ''), b.events.map((e) => e.eventId)]));

describe('s3 source, interest', () => {
  it('with the prefilter, skips objects that name no event source of interest and parses only the matching records of the others', async () => {
    const { batches, count } = await read(true);
    expect(batches.flatMap((b) => b.events.map((e) => [e.eventId, batchLocation(b)]))).toEqual([['invoke', `s3://interest/${mixed!.key}`]]);
    // Every object still tells how far its partition was read: what was left out never reaches the pipeline.
    expect(batches.map((b) => b.progress)).toEqual([
      { account: ACCOUNT, region: 'us-east-1', time: plain!.time },
      { account: ACCOUNT, region: 'eu-west-1', time: other!.time },
      { account: ACCOUNT, region: 'us-east-1', time: mixed!.time },
    ]);
    expect(count('jackwatch.source.files.prefiltered')).toBe(2);
    expect(count('jackwatch.source.records.prefiltered')).toBe(2);
    expect(count('jackwatch.source.records.unmatched')).toBe(0);
    expect(count('jackwatch.s3.objects.read')).toBe(3);
  });

  it('without the prefilter, passes on the matching events and each partition\'s newest other, and counts the rest as unmatched', async () => {
    const { batches, count } = await read(false);
    const events = eventsByKey(batches);
    expect(events.get(mixed!.key)).toEqual(['invoke', 'list']);
    for (const file of [plain!, other!]) expect(events.get(file.key)).toEqual([String(file.records.at(-1)!.eventID)]);
    expect(batches.map((b) => b.progress)).toEqual([undefined, undefined, undefined]);
    expect(count('jackwatch.source.records.unmatched')).toBe(2 + 3 + 3);
    expect(count('jackwatch.source.files.prefiltered')).toBe(0);
    expect(count('jackwatch.source.records.prefiltered')).toBe(0);
  });
});
