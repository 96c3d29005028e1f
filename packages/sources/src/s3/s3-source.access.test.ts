import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { S3Source } from './s3-source.ts';
import { startFaultyProxy, type FaultyProxy } from './testdata/faulty-proxy.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

let emulator: Emulator;
let proxy: FaultyProxy;
const file = trailFile({ account: '777777777777', region: 'us-east-1' }, Date.UTC(2026, 9, 1, 0, 5));

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.createBucket('open');
  await emulator.createBucket('locked');
  await emulator.putObject('open', file.key, file.body);
  // Listing `locked` is refused; in `open`, listing works but reading objects is refused.
  proxy = await startFaultyProxy(emulator.endpoint, { deny: (method, path) => path.startsWith('/locked') || (method === 'GET' && path.startsWith('/open/AWSLogs/')) });
});
afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
});

const s3Source = (options: Record<string, unknown>) =>
  new S3Source(
    s3SourceConfigSchema.parse({ endpoint: proxy.endpoint, region: TEST_REGION, forcePathStyle: true, maxAttempts: 1, ...options }),
    testContext('s3/denied', { clock: systemClock }),
    { credentials: TEST_CREDENTIALS },
  );

describe('s3 source, access denied', () => {
  it('fails at start with one sentence naming the bucket and s3:ListBucket', async () => {
    const source = s3Source({ bucket: 'locked' });
    await expect(source.start()).rejects.toThrow(
      'access denied to s3://locked (AccessDenied): the AWS credentials in use need s3:ListBucket on s3://locked; grant it in their IAM policy',
    );
    await source.shutdown();
  });

  it('stops reading with an error naming the object and s3:GetObject, without skipping it', async () => {
    const source = s3Source({ bucket: 'open', startTime: '2026-10-01', once: true });
    await source.start();
    await expect(drain(source.read(new AbortController().signal))).rejects.toThrow(
      `access denied to s3://open/${file.key} (AccessDenied): the AWS credentials in use need s3:GetObject on s3://open/${file.key}`,
    );
    await source.shutdown();
  });

  it('fails at start naming the queue when SQS cannot be reached, and shuts down twice safely', async () => {
    const { queueUrl } = await emulator.createQueue('denied');
    const source = s3Source({ queueUrl, sqsEndpoint: 'http://127.0.0.1:9' });
    await expect(source.start()).rejects.toThrow(/sqs:GetQueueAttributes on .*\/denied failed \(ECONNREFUSED\)/);
    await source.shutdown();
    await source.shutdown();
  });
});
