import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumThenInvoke, organizationTrail, type PlantedRecord, writeDeliveryTree } from '../support/cloudtrail-delivery.ts';
import { fauxqsEnvironment, type Fauxqs, startFauxqs } from '../support/fauxqs.ts';
import { allRulesConfig } from '../support/quickstart-copy.ts';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';
import { startCli } from '../support/cli-process.ts';

const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const REGIONS = ['us-east-1', 'eu-west-1'];

let fauxqs: Fauxqs;
let dir: string;
let expected: string[];

const ids = (lines: string | readonly string[]): string[] => jsonLines<{ id: string }>(typeof lines === 'string' ? lines : lines.join('\n')).map((f) => f.id);

beforeAll(async () => {
  fauxqs = await startFauxqs();
  dir = await mkdtemp(join(tmpdir(), 'jw-s3-kill-'));
  // A rule-A sequence every 4 hours in every account, so findings stream out all through the backfill.
  const planted: PlantedRecord[] = [];
  for (let hour = 2; hour < 4 * 24; hour += 4) {
    ACCOUNTS.forEach((account, a) => planted.push(...enumThenInvoke(account, REGIONS[a % REGIONS.length]!, START + hour * HOUR + a * 600_000, `user-${hour}`)));
  }
  const files = organizationTrail({ accounts: ACCOUNTS, regions: REGIONS, start: START, days: 4, filesPerDay: 96, recordsPerFile: 10 }, planted);
  await fauxqs.createBucket('org-trail');
  for (const file of files) await fauxqs.putObject('org-trail', file.key, file.body());
  await writeDeliveryTree(join(dir, 'tree'), files);
  await writeFile(join(dir, 'file.yaml'), `service: { checkpoints: { memory: true } }\n${allRulesConfig(join(dir, 'tree'))}`);
  const reference = await runCli(['run', '--config', join(dir, 'file.yaml')], { timeoutMs: 120_000 });
  expect(reference.code, reference.stderr).toBe(0);
  expected = ids(reference.stdout).sort();
}, 240_000);
afterAll(async () => {
  await fauxqs?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kill -9 in the middle of an S3 backfill', () => {
  it('loses no finding after a restart, and repeats only findings with the same ids', async () => {
    const env = { ...fauxqsEnvironment(), TRAIL_BUCKET: 'org-trail', S3_ENDPOINT: fauxqs.endpoint, START_TIME: '2026-10-01', JACKWATCH_CHECKPOINT_DIR: join(dir, 'checkpoints') };
    const config = join(REPO_ROOT, 'examples/s3-poll.yaml');

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
