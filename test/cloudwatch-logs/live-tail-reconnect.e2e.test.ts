import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { type FakeCloudWatchLogs, type GroupNaming, startFakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { startCli } from '../support/cli-process.ts';
import { jsonLines } from '../support/run-cli.ts';
import { FAKE_CREDENTIALS } from './support/source-harness.ts';
import { asLogEvents, enumThenInvoke, listModelsFailures, loggingDeletion } from './support/trail-records.ts';
import { GROUP, MINUTE, STREAM } from './support/trail-group.ts';

const DETECTORS = ['aws-bedrock-enum-then-invoke-long-term-key', 'aws-bedrock-logging-deletion', 'aws-bedrock-logging-deletion-non-admin', 'aws-bedrock-list-models-failures'];

let fake: FakeCloudWatchLogs;
let dir: string;
beforeEach(async () => {
  fake = await startFakeCloudWatchLogs();
  dir = await mkdtemp(join(tmpdir(), 'jw-cwl-reconnect-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const config = (source: string): string => `
service:
  checkpoints: { memory: true }
sources:
  cloudwatch-logs:
${source}
    region: us-east-1
    endpoint: ${fake.endpoint}
detectors: { ${DETECTORS.map((id) => `${id}: {}`).join(', ')} }
sinks:
  stdout: { format: json }
pipelines:
  default: { sources: [cloudwatch-logs], detectors: [${DETECTORS.join(', ')}], sinks: [stdout] }
`;

const env = {
  AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
  AWS_PROFILE: '',
  AWS_EC2_METADATA_DISABLED: 'true',
};

const errorLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('jackwatch error'));

// Resolves once `count` sessions have started, or rejects when the agent exits first.
async function sessions(count: number, agent: ReturnType<typeof startCli>): Promise<void> {
  await Promise.race([fake.liveTail.waitForStarted(count), agent.exited().then((code) => Promise.reject(new Error(`jackwatch exited (${code}): ${agent.stderr()}`)))]);
}

describe('jackwatch run, Live Tail sessions ending every 300 ms', () => {
  it.each<{ configured: 'name' | 'arn'; naming: GroupNaming }>([
    { configured: 'name', naming: 'arn' },
    { configured: 'name', naming: 'arn:*' },
    { configured: 'name', naming: 'name' },
    { configured: 'name', naming: 'account:name' },
    { configured: 'arn', naming: 'name' },
  ])('prints each finding exactly once: group configured by $configured, events naming it as $naming', { timeout: 90_000 }, async ({ configured, naming }) => {
    const group = configured === 'name' ? fake.store.createLogGroup(GROUP) : fake.store.createLogGroup('/org/trail', '210987654321');
    fake.liveTail.groupNaming = naming;
    fake.liveTail.sessionDuration = 300;
    const now = Math.floor(Date.now() / 1000) * 1000;
    // Older than the lag guard (read by the catch-up), inside it (the first gap read), and live (the tail).
    const history = [...listModelsFailures(now - 40 * MINUTE, 10)];
    const recent = enumThenInvoke(now - 3 * MINUTE - 30_000);
    fake.store.put(group.name, asLogEvents([...history, ...recent]), STREAM);
    const source = `    mode: tail\n    logGroups: [${JSON.stringify(configured === 'name' ? GROUP : group.arn)}]\n    startTime: -1h\n    pollInterval: 1s`;
    await writeFile(join(dir, 'tail.yaml'), config(source));

    const agent = startCli(join(dir, 'tail.yaml'), env);
    await sessions(1, agent);
    const live = loggingDeletion(Date.now());
    fake.store.put(group.name, asLogEvents(live), STREAM);
    // Each of these sessions re-reads the last five minutes: every event above, again.
    await sessions(fake.liveTail.started + 4, agent);
    agent.child.kill('SIGTERM');
    expect(await agent.exited(), agent.stderr()).toBe(0);

    // One finding per rule, each printed once (finding ids are deterministic: a duplicate repeats one).
    const printed = jsonLines<Finding>(agent.lines.join('\n'));
    expect(printed.map((f) => f.detector.id).sort()).toEqual([...DETECTORS].sort());
    expect(new Set(printed.map((f) => f.id)).size).toBe(printed.length);
    expect(errorLines(agent.stderr())).toEqual([]);
  });
});

describe('jackwatch run, drained while a call to CloudWatch Logs is in flight', () => {
  it('exits 0 without an error line when SIGTERM aborts a FilterLogEvents', { timeout: 60_000 }, async () => {
    fake.store.createLogGroup(GROUP);
    await writeFile(join(dir, 'pull.yaml'), config(`    logGroups: [${GROUP}]\n    startTime: -1h`));
    fake.stall('FilterLogEvents', 1, 1); // the access check at start is answered; the first read is held
    const agent = startCli(join(dir, 'pull.yaml'), env);
    await Promise.race([fake.waitForStalled(1), agent.exited().then((code) => Promise.reject(new Error(`jackwatch exited (${code}): ${agent.stderr()}`)))]);
    agent.child.kill('SIGTERM');
    expect(await agent.exited(), agent.stderr()).toBe(0);
    expect(agent.stderr()).toMatch(/\(drained\)/);
    expect(errorLines(agent.stderr())).toEqual([]);
  });

  it('exits 0 without an error line when SIGTERM ends an open Live Tail session', { timeout: 60_000 }, async () => {
    fake.store.createLogGroup(GROUP);
    await writeFile(join(dir, 'tail.yaml'), config(`    mode: tail\n    logGroups: [${GROUP}]\n    startTime: -1h`));
    const agent = startCli(join(dir, 'tail.yaml'), env);
    await sessions(1, agent);
    agent.child.kill('SIGTERM');
    expect(await agent.exited(), agent.stderr()).toBe(0);
    expect(errorLines(agent.stderr())).toEqual([]);
  });
});
