import { systemClock } from '@jackwatch/core';
import { checkSourceFactory, testContext } from '@jackwatch/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { s3SourceFactory } from './factory.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

let emulator: Emulator;
const file = trailFile({ account: '888888888888', region: 'sa-east-1' }, Date.UTC(2026, 9, 1, 0, 5));

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.createBucket('factory');
  await emulator.putObject('factory', file.key, file.body);
});
afterAll(async () => {
  await emulator?.stop();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('s3SourceFactory', () => {
  it('declares a source of type s3 whose schema completes a minimal config', () => {
    expect(s3SourceFactory).toMatchObject({ kind: 'source', type: 's3', stability: 'alpha' });
    expect(s3SourceFactory.configSchema.parse({ bucket: 'trail' })).toMatchObject({ bucket: 'trail', once: false, concurrency: 8 });
  });

  it('creates a source that shuts down without start, twice', async () => {
    const source = s3SourceFactory.create(s3SourceFactory.configSchema.parse({ bucket: 'trail', region: 'us-east-1' }), testContext('s3', { clock: systemClock }));
    await source.shutdown();
    await source.shutdown();
  });

  it('passes the lifecycle conformance kit, start included, in poll and SQS mode', async () => {
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    const { queueUrl } = await emulator.createQueue('conformance');
    const common = { endpoint: emulator.endpoint, region: TEST_REGION };
    expect(await checkSourceFactory(s3SourceFactory, { config: { ...common, bucket: 'factory' } })).toEqual([]);
    expect(await checkSourceFactory(s3SourceFactory, { config: { ...common, queueUrl } })).toEqual([]);
  });

  it('reads with credentials from the default chain (environment), and can be started again after shutdown', async () => {
    // Static fake credentials through the environment: the chain must never reach the machine's profile.
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    vi.stubEnv('AWS_REGION', TEST_REGION);
    const config = s3SourceFactory.configSchema.parse({ bucket: 'factory', endpoint: emulator.endpoint, forcePathStyle: true, startTime: '2026-10-01', once: true });

    for (let run = 0; run < 2; run++) {
      const source = s3SourceFactory.create(config, testContext(`s3/run${run}`, { clock: systemClock }));
      await source.start();
      const batches = await drain(source.read(new AbortController().signal));
      await source.shutdown();
      expect(batches.map((b) => b.events.length)).toEqual([3]);
    }
  });
});
