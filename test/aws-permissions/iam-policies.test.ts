import { CloudWatchLogsSource, cloudWatchLogsSourceConfigSchema, S3Source, s3SourceConfigSchema } from '@jackwatch/sources';
import { systemClock } from '@jackwatch/core';
import { ManualClock, testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3EventBody } from '../../packages/sources/src/s3/testdata/notifications.ts';
import { drain } from '../../packages/sources/src/s3/testdata/read-batches.ts';
import { trailFile } from '../../packages/sources/src/s3/testdata/trail-files.ts';
import { bedrockInterest, FAKE_CREDENTIALS, readAll, readInBackground, tailSessionReady } from '../cloudwatch-logs/support/source-harness.ts';
import { asLogEvents, enumThenInvoke } from '../cloudwatch-logs/support/trail-records.ts';
import { type FakeCloudWatchLogs, startFakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { type Fauxqs, FAUXQS_CREDENTIALS, FAUXQS_REGION, startFauxqs } from '../support/fauxqs.ts';
import { iamActionOf } from './support/iam-action.ts';
import { allowedActions, POLICY_FILES, readPolicy, type SourceMode } from './support/iam-policy.ts';
import { type CommandRecorder, recordCommands } from './support/record-commands.ts';
import { importedCommands } from './support/sent-commands.ts';

// Actions a source needs that its SDK clients never send: S3 and SQS call KMS for it (SSE-KMS trails and queues).
const SERVER_SIDE_ACTIONS = new Set(['kms:Decrypt']);
const BUCKET = 'my-cloudtrail-bucket';
const GROUP = 'aws-cloudtrail-logs-111122223333';
const STREAM = '111122223333_CloudTrail_us-east-1';
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const place = { account: '111122223333', region: 'us-east-1' };
const files = [trailFile(place, Date.UTC(2026, 9, 1, 0, 5)), trailFile(place, Date.UTC(2026, 9, 1, 0, 10))];

let fauxqs: Fauxqs;
let cloudWatch: FakeCloudWatchLogs;
let clock: ManualClock;

beforeAll(async () => {
  fauxqs = await startFauxqs();
  await fauxqs.createBucket(BUCKET);
  for (const file of files) await fauxqs.putObject(BUCKET, file.key, file.body);
  clock = new ManualClock(T0, { autoAdvance: true });
  cloudWatch = await startFakeCloudWatchLogs({ now: () => clock.now() });
  cloudWatch.store.createLogGroup(GROUP);
  cloudWatch.store.put(GROUP, asLogEvents(enumThenInvoke(T0 - 30 * 60_000)), STREAM);
});
afterAll(async () => {
  await fauxqs?.stop();
  await cloudWatch?.close();
});

function s3Source(recorder: CommandRecorder, options: Record<string, unknown>): S3Source {
  const config = s3SourceConfigSchema.parse({ endpoint: fauxqs.endpoint, region: FAUXQS_REGION, forcePathStyle: true, once: true, ...options });
  return new S3Source(config, testContext('s3', { clock: systemClock }), recorder.overrides(FAUXQS_CREDENTIALS));
}

function cloudWatchSource(recorder: CommandRecorder, options: Record<string, unknown>): CloudWatchLogsSource {
  const config = cloudWatchLogsSourceConfigSchema.parse({ region: 'us-east-1', endpoint: cloudWatch.endpoint, logGroups: [GROUP], startTime: T0 - 3_600_000, ...options });
  return new CloudWatchLogsSource(config, testContext('cloudwatch-logs', { clock, interest: bedrockInterest() }), recorder.overrides(FAKE_CREDENTIALS));
}

/** Runs each source mode against the local fakes, recording the commands its clients send. */
const drive: Record<SourceMode, (recorder: CommandRecorder) => Promise<number>> = {
  async 's3 poll'(recorder) {
    const source = s3Source(recorder, { bucket: BUCKET, startTime: '2026-10-01' });
    await source.start();
    const batches = await drain(source.read(new AbortController().signal));
    await source.shutdown();
    return batches.length;
  },
  async 's3 via SQS (KMS-encrypted trails)'(recorder) {
    const { queueUrl } = await fauxqs.createQueue('cloudtrail-notifications');
    for (const file of files) await fauxqs.sendMessage(queueUrl, s3EventBody(BUCKET, file.key));
    const source = s3Source(recorder, { queueUrl, waitTime: '1s' });
    await source.start();
    const batches = await drain(source.read(new AbortController().signal));
    await source.shutdown();
    return batches.length;
  },
  async 'cloudwatch-logs pull'(recorder) {
    const source = cloudWatchSource(recorder, { once: true });
    await source.start();
    const { batches } = await readAll(source);
    await source.shutdown();
    return batches;
  },
  async 'cloudwatch-logs Live Tail'(recorder) {
    const source = cloudWatchSource(recorder, { mode: 'tail' });
    await source.start();
    const sessions = cloudWatch.requests.filter((r) => r.operation === 'StartLiveTail' && r.error === undefined).length;
    const reader = readInBackground(source);
    await tailSessionReady(cloudWatch, sessions + 1);
    await reader.until(1);
    const { batches } = await reader.stop();
    await source.shutdown();
    return batches;
  },
};

describe('the IAM policies in docs/iam allow what each source mode sends', () => {
  for (const [mode, file] of Object.entries(POLICY_FILES) as [SourceMode, string][]) {
    it(`${mode}: every command its clients send is allowed by docs/iam/${file}`, async () => {
      const recorder = recordCommands();
      const batches = await drive[mode](recorder);
      expect(batches, 'the source read something, so its read path ran').toBeGreaterThan(0);
      const allowed = allowedActions(await readPolicy(file));
      const missing = recorder.actions().filter((action) => !allowed.has(action));
      expect(missing, `sent ${recorder.commands().join(', ')}; add the missing actions to docs/iam/${file} and docs/aws-permissions.md`).toEqual([]);
    });
  }

  it('every command a source module imports is allowed by a shipped policy, and no policy allows an action no source sends', async () => {
    const imported = await importedCommands();
    expect(imported.length).toBeGreaterThan(0);
    const needed = new Set(imported.map((c) => iamActionOf(c.client, c.command)));
    const policies = await Promise.all(Object.values(POLICY_FILES).map(async (file) => ({ file, allowed: allowedActions(await readPolicy(file)) })));
    const granted = new Set(policies.flatMap((p) => [...p.allowed]));
    expect(imported.filter((c) => !granted.has(iamActionOf(c.client, c.command))).map((c) => `${c.command} (${c.file})`)).toEqual([]);
    for (const { file, allowed } of policies) {
      expect([...allowed].filter((action) => !needed.has(action) && !SERVER_SIDE_ACTIONS.has(action)), file).toEqual([]);
    }
  });

  it('ships well-formed identity policies: version 2012-10-17, Allow statements with a Sid, named actions, no wildcard action', async () => {
    for (const file of Object.values(POLICY_FILES)) {
      const policy = await readPolicy(file);
      expect(policy.Version, file).toBe('2012-10-17');
      for (const statement of policy.Statement) {
        expect(statement, file).toMatchObject({ Effect: 'Allow', Sid: expect.stringMatching(/^[A-Za-z0-9]+$/) });
        const actions = typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
        expect(actions.filter((action) => !/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(action)), file).toEqual([]);
        expect(statement.Resource, file).not.toBe('*');
      }
    }
  });
});
