import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { enumThenInvoke, listModelsFailures, loggingDeletion, organizationTrail } from '../support/cloudtrail-delivery.ts';
import { fauxqsEnvironment, type Fauxqs, startFauxqs } from '../support/fauxqs.ts';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';

const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const MIB = 1024 * 1024;
const LIMIT = 16 * MIB; // the s3 source's default maxRecordSize

let fauxqs: Fauxqs;
let dir: string;

beforeAll(async () => {
  fauxqs = await startFauxqs();
  dir = await mkdtemp(join(tmpdir(), 'jw-s3-bomb-'));
}, 60_000);
afterAll(async () => {
  await fauxqs?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const trail = () =>
  organizationTrail({ accounts: [ACCOUNT], regions: [REGION], start: START, days: 1, filesPerDay: 24, recordsPerFile: 10 }, [
    ...listModelsFailures(ACCOUNT, REGION, START + 2 * HOUR),
    ...enumThenInvoke(ACCOUNT, REGION, START + 5 * HOUR + 20 * 60_000),
    ...loggingDeletion(ACCOUNT, REGION, START + 8 * HOUR),
  ]);

async function findings(bucket: string): Promise<{ ids: string[]; stderr: string }> {
  const env = { ...fauxqsEnvironment(), TRAIL_BUCKET: bucket, S3_ENDPOINT: fauxqs.endpoint, START_TIME: '2026-10-01', JACKWATCH_CHECKPOINT_DIR: join(dir, bucket) };
  const run = await runCli(['run', '--config', join(REPO_ROOT, 'examples/s3-poll.yaml')], { env, timeoutMs: 150_000 });
  expect(run.code, run.stderr).toBe(0);
  return { ids: jsonLines<Finding>(run.stdout).map((f) => f.id).sort(), stderr: run.stderr };
}

describe('examples/s3-poll.yaml over a bucket holding a 1 MB delivery file that inflates to 1 GiB', () => {
  it('prints every finding of the other objects and reports the bomb alone, with its size', { timeout: 300_000 }, async () => {
    await fauxqs.createBucket('clean-trail');
    for (const file of trail()) await fauxqs.putObject('clean-trail', file.key, file.body());
    const reference = await findings('clean-trail');

    // 1 GiB of zero bytes in 16 gzip members of 64 MiB, then a tiny last member: its trailer announces 1 byte.
    const zeros = gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
    const bomb = Buffer.concat([...Array.from({ length: 16 }, () => zeros), gzipSync(' ')]);
    const files = trail();
    // A delivery file of another region, from the hours of the attacks: its own partition, so the progress its
    // name tells moves no other partition's watermark (the trail's files are hourly here, not every 5 minutes).
    const key = files[5]!.key.replaceAll(REGION, 'eu-west-1').replace(/\.json\.gz$/, '_bomb.json.gz');
    await fauxqs.createBucket('bomb-trail');
    for (const file of files) await fauxqs.putObject('bomb-trail', file.key, file.body());
    await fauxqs.putObject('bomb-trail', key, bomb);
    const { ids, stderr } = await findings('bomb-trail');

    expect(reference.ids).toHaveLength(4);
    expect(ids).toEqual(reference.ids);
    expect(stderr).toContain(`rejected input: line is ${1024 * MIB + 1} bytes, longer than maxRecordSize (${LIMIT} bytes); skipped unparsed, the rest of the input is still read`);
    expect(stderr).toContain(`origin=s3://bomb-trail/${key}#1`);
    expect(stderr).toMatch(/rejected: malformed-json 1\n/);
  });
});
