import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailRecord, Finding } from '@jackwatch/core';
import { enumThenInvoke, listModelsFailures, loggingDeletion, organizationTrail } from '../support/cloudtrail-delivery.ts';
import { fauxqsEnvironment, type Fauxqs, startFauxqs } from '../support/fauxqs.ts';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';

const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const LIMIT = 16 * 1024 * 1024; // the s3 source's default maxRecordSize

let fauxqs: Fauxqs;
let dir: string;

beforeAll(async () => {
  fauxqs = await startFauxqs();
  dir = await mkdtemp(join(tmpdir(), 'jw-s3-oversized-'));
}, 60_000);
afterAll(async () => {
  await fauxqs?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const RULE_A = enumThenInvoke(ACCOUNT, REGION, START + 5 * HOUR + 20 * 60_000);
const trail = () =>
  organizationTrail({ accounts: [ACCOUNT], regions: [REGION], start: START, days: 1, filesPerDay: 24, recordsPerFile: 10 }, [
    ...listModelsFailures(ACCOUNT, REGION, START + 2 * HOUR),
    ...RULE_A,
    ...loggingDeletion(ACCOUNT, REGION, START + 8 * HOUR),
  ]);

async function findings(bucket: string): Promise<{ ids: string[]; stderr: string }> {
  const env = { ...fauxqsEnvironment(), TRAIL_BUCKET: bucket, S3_ENDPOINT: fauxqs.endpoint, START_TIME: '2026-10-01', JACKWATCH_CHECKPOINT_DIR: join(dir, bucket) };
  const run = await runCli(['run', '--config', join(REPO_ROOT, 'examples/s3-poll.yaml')], { env, timeoutMs: 120_000 });
  expect(run.code, run.stderr).toBe(0);
  return { ids: jsonLines<Finding>(run.stdout).map((f) => f.id).sort(), stderr: run.stderr };
}

describe('examples/s3-poll.yaml over a bucket where one object holds a 50 MB record between attack records', () => {
  it('prints every finding and reports the record alone with s3://bucket/key#index, its size and the limit', { timeout: 240_000 }, async () => {
    await fauxqs.createBucket('clean-trail');
    for (const file of trail()) await fauxqs.putObject('clean-trail', file.key, file.body());
    const reference = await findings('clean-trail');

    const files = trail();
    // Between the enumeration and the invocation of rule A, in the same delivery file.
    const invocation = RULE_A[1]!.record.eventID;
    const target = files.find((file) => file.records.some((r) => r.eventID === invocation))!;
    const at = target.records.findIndex((r) => r.eventID === invocation);
    expect(target.records.some((r) => r.eventID === RULE_A[0]!.record.eventID)).toBe(true);
    const giant: CloudTrailRecord = { ...target.records[at]!, eventID: 'giant', requestParameters: { prompt: '["\\\\"]} {'.repeat(50_000_000 / 12) } };
    target.records.splice(at, 0, giant);
    await fauxqs.createBucket('giant-trail');
    for (const file of files) await fauxqs.putObject('giant-trail', file.key, file === target ? gzipSync(JSON.stringify({ Records: file.records })) : file.body());
    const { ids, stderr } = await findings('giant-trail');

    expect(reference.ids).toHaveLength(4);
    expect(ids).toEqual(reference.ids);
    const size = Buffer.byteLength(JSON.stringify(giant));
    expect(size).toBeGreaterThan(50_000_000);
    expect(stderr).toContain(`record is ${size} bytes, longer than maxRecordSize (${LIMIT} bytes)`);
    expect(stderr).toContain(`origin=s3://giant-trail/${target.key}#${at}`);
    expect(stderr).toMatch(/rejected: malformed-json 1\n/);
  });
});
