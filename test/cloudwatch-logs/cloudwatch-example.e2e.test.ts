import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import type { FakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';
import { FAKE_CREDENTIALS } from './support/source-harness.ts';
import { asLogEvents, backgroundNoise, enumThenInvoke, listModelsFailures, loggingDeletion } from './support/trail-records.ts';
import { GROUP, MINUTE, startFakeWithTrailGroup } from './support/trail-group.ts';

let fake: FakeCloudWatchLogs;
let dir: string;

beforeEach(async () => {
  fake = await startFakeWithTrailGroup();
  dir = await mkdtemp(join(tmpdir(), 'jw-cwl-e2e-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const byId = (findings: Finding[]): Finding[] => [...findings].sort((a, b) => a.id.localeCompare(b.id));

describe('examples/cloudwatch.yaml, end to end', () => {
  it('finds in CloudWatch Logs exactly what the file source finds in the same records, and resumes on a rerun', async () => {
    // Whole seconds, like CloudTrail; everything older than the 5-minute lag guard and newer than startTime -1h.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const records = [
      ...backgroundNoise(now - 55 * MINUTE, 2000, 'e2e', 45 * MINUTE),
      ...listModelsFailures(now - 50 * MINUTE, 10),
      ...enumThenInvoke(now - 40 * MINUTE),
      ...loggingDeletion(now - 30 * MINUTE),
    ];
    fake.store.put(GROUP, asLogEvents(records), '123456789012_CloudTrail_us-east-1');
    fake.store.put(GROUP, [{ timestamp: now - 20 * MINUTE, message: 'another writer: not a CloudTrail record' }], 'app');
    await mkdir(join(dir, 'logs'));
    await writeFile(join(dir, 'logs', 'trail.json'), JSON.stringify({ Records: records }));
    await writeFile(join(dir, 'file.yaml'), FILE_CONFIG);

    const env = {
      LOG_GROUP: GROUP,
      AWS_REGION: 'us-east-1',
      LOGS_ENDPOINT: fake.endpoint,
      JACKWATCH_CHECKPOINT_DIR: join(dir, 'checkpoints'),
      AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const fromCloudWatch = await runCli(['run', '--config', join(REPO_ROOT, 'examples/cloudwatch.yaml')], { env });
    const fromFile = await runCli(['run', '--config', join(dir, 'file.yaml')]);

    expect(fromCloudWatch.code, fromCloudWatch.stderr).toBe(0);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    const found = jsonLines<Finding>(fromCloudWatch.stdout);
    expect(found.map((f) => f.detector.id).sort()).toEqual([
      'aws-bedrock-enum-then-invoke-long-term-key',
      'aws-bedrock-list-models-failures',
      'aws-bedrock-logging-deletion',
      'aws-bedrock-logging-deletion-non-admin',
    ]);
    expect(byId(found)).toEqual(byId(jsonLines<Finding>(fromFile.stdout)));
    // CloudWatch sent back only the Bedrock calls the rules can match: the noise and the other writer stayed there.
    const matching = records.filter((r) => r.eventSource === 'bedrock.amazonaws.com' && /^(ListFoundationModels|InvokeModel|Converse|DeleteModelInvocationLoggingConfiguration)$/.test(String(r.eventName)));
    expect(fake.reads.returned).toBe(matching.length);
    expect(fake.store.find(GROUP)!.events.length).toBeGreaterThan(20 * matching.length);

    // A rerun resumes from the checkpoint: nothing new, nothing read twice.
    const returnedBefore = fake.reads.returned;
    const rerun = await runCli(['run', '--config', join(REPO_ROOT, 'examples/cloudwatch.yaml')], { env });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(jsonLines(rerun.stdout)).toEqual([]);
    expect(fake.reads.returned).toBe(returnedBefore);
  });
});

const FILE_CONFIG = `
service:
  checkpoints: { memory: true }
sources:
  file: { paths: [./logs] }
detectors:
  aws-bedrock-enum-then-invoke-long-term-key: {}
  aws-bedrock-logging-deletion: {}
  aws-bedrock-logging-deletion-non-admin: {}
  aws-bedrock-list-models-failures: {}
sinks:
  stdout: { format: json }
pipelines:
  default:
    sources: [file]
    detectors: [aws-bedrock-enum-then-invoke-long-term-key, aws-bedrock-logging-deletion, aws-bedrock-logging-deletion-non-admin, aws-bedrock-list-models-failures]
    sinks: [stdout]
`;
