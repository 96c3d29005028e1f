import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findingsFromSource, ManualClock } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createComponentContext, type Finding, type Interest, type Source } from '@jackwatch/core';
import { bedrockDetectors } from '@jackwatch/detectors';
import { CloudWatchLogsSource, cloudWatchLogsSourceConfigSchema } from '@jackwatch/sources';
import { fileSourceConfigSchema, FileSource } from '@jackwatch/sources';
import type { FakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { FAKE_CREDENTIALS } from './support/source-harness.ts';
import { GROUP, MINUTE, startFakeWithTrailGroup } from './support/trail-group.ts';
import { asLogEvents, backgroundNoise, enumThenInvoke, listModelsFailures, loggingDeletion } from './support/trail-records.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

let fake: FakeCloudWatchLogs;
let dir: string;

beforeEach(async () => {
  fake = await startFakeWithTrailGroup();
  dir = await mkdtemp(join(tmpdir(), 'jw-cwl-same-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the shipped Bedrock detectors over a source in the real pipeline runtime. */
const findingsOf = (makeSource: (interest: Interest) => Source): Promise<Finding[]> => findingsFromSource(makeSource, bedrockDetectors);

describe('cloudwatch-logs source in the pipeline runtime', () => {
  it('yields the same findings as the file source fed the same records', async () => {
    const records = [
      ...backgroundNoise(T0, 3000, 'same', 50 * MINUTE),
      ...listModelsFailures(T0 + 5 * MINUTE, 10),
      ...enumThenInvoke(T0 + 20 * MINUTE),
      ...loggingDeletion(T0 + 30 * MINUTE),
    ];
    fake.store.put(GROUP, asLogEvents(records), '123456789012_CloudTrail_us-east-1');
    await writeFile(join(dir, 'trail.json'), JSON.stringify({ Records: records }));
    const clock = new ManualClock(T0 + 70 * MINUTE, { autoAdvance: true });

    const fromCloudWatch = await findingsOf((interest) => {
      const config = cloudWatchLogsSourceConfigSchema.parse({ logGroups: [GROUP], region: 'us-east-1', endpoint: fake.endpoint, startTime: T0, once: true });
      return new CloudWatchLogsSource(config, createComponentContext('cloudwatch-logs', { clock, interest }), { credentials: FAKE_CREDENTIALS });
    });
    const fromFile = await findingsOf((interest) => new FileSource(fileSourceConfigSchema.parse({ paths: [dir] }), createComponentContext('file', { interest, baseDir: dir })));

    expect(fromCloudWatch.map((f) => f.detector.id).sort()).toEqual([
      'aws-bedrock-enum-then-invoke-long-term-key',
      'aws-bedrock-list-models-failures',
      'aws-bedrock-logging-deletion',
      'aws-bedrock-logging-deletion-non-admin',
    ]);
    expect(fromCloudWatch).toEqual(fromFile);
    expect(fake.reads.returned).toBeLessThan(records.length / 20);
  });
});
