import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumThenInvoke, organizationTrail, type PlantedRecord } from '../support/cloudtrail-delivery.ts';
import { runCli } from '../support/run-cli.ts';
import { startCli } from '../support/cli-process.ts';
import { findingIds as ids, plantWithReference, pollEnvironment, S3_POLL_EXAMPLE, type S3Emulation, startS3Emulation } from './support/s3-emulation.ts';

const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const REGIONS = ['us-east-1', 'eu-west-1'];

let s3: S3Emulation;
let expected: string[];

beforeAll(async () => {
  s3 = await startS3Emulation('jw-s3-kill-');
  // A rule-A sequence every 4 hours in every account, so findings stream out all through the backfill.
  const planted: PlantedRecord[] = [];
  for (let hour = 2; hour < 4 * 24; hour += 4) {
    ACCOUNTS.forEach((account, a) => planted.push(...enumThenInvoke(account, REGIONS[a % REGIONS.length]!, START + hour * HOUR + a * 600_000, `user-${hour}`)));
  }
  const files = organizationTrail({ accounts: ACCOUNTS, regions: REGIONS, start: START, days: 4, filesPerDay: 96, recordsPerFile: 10 }, planted);
  expected = await plantWithReference(s3, 'org-trail', files);
}, 240_000);
afterAll(() => s3?.close());

describe('kill -9 in the middle of an S3 backfill', () => {
  it('loses no finding after a restart, and repeats only findings with the same ids', async () => {
    const env = pollEnvironment(s3, 'org-trail', join(s3.dir, 'checkpoints'));
    const config = S3_POLL_EXAMPLE;

    const killed = startCli(config, env);
    await killed.waitFor((lines) => lines.length >= Math.floor(expected.length / 3));
    killed.child.kill('SIGKILL');
    expect(await killed.exited()).toBe('SIGKILL');
    const restarted = await runCli(['run', '--config', config], { env, timeoutMs: 120_000 });

    const beforeKill = ids(killed.lines);
    const afterRestart = ids(restarted.stdout);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(expected.length).toBe(72);
    expect(beforeKill.length).toBeLessThan(expected.length);
    expect(new Set([...beforeKill, ...afterRestart])).toEqual(new Set(expected));
    expect(afterRestart.length).toBeLessThan(expected.length);
  });
});
