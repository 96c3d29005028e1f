import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '@jackwatch/core';
import { enumThenInvoke, listModelsFailures, loggingDeletion, organizationTrail } from '../support/cloudtrail-delivery.ts';
import { fillBucket, pollFindings, type S3Emulation, startS3Emulation } from './support/s3-emulation.ts';

const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const LIMIT = 16 * 1024 * 1024; // the s3 source's default maxRecordSize

let s3: S3Emulation;

beforeAll(async () => {
  s3 = await startS3Emulation('jw-s3-oversized-');
}, 60_000);
afterAll(() => s3?.close());

const RULE_A = enumThenInvoke(ACCOUNT, REGION, START + 5 * HOUR + 20 * 60_000);
const trail = () =>
  organizationTrail({ accounts: [ACCOUNT], regions: [REGION], start: START, days: 1, filesPerDay: 24, recordsPerFile: 10 }, [
    ...listModelsFailures(ACCOUNT, REGION, START + 2 * HOUR),
    ...RULE_A,
    ...loggingDeletion(ACCOUNT, REGION, START + 8 * HOUR),
  ]);

const findings = (bucket: string) => pollFindings(s3, bucket, 120_000);

describe('examples/s3-poll.yaml over a bucket where one object holds a 50 MB record between attack records', () => {
  it('prints every finding and reports the record alone with s3://bucket/key#index, its size and the limit', { timeout: 240_000 }, async () => {
    await fillBucket(s3, 'clean-trail', trail());
    const reference = await findings('clean-trail');

    const files = trail();
    // Between the enumeration and the invocation of rule A, in the same delivery file.
    const invocation = RULE_A[1]!.record.eventID;
    const target = files.find((file) => file.records.some((r) => r.eventID === invocation))!;
    const at = target.records.findIndex((r) => r.eventID === invocation);
    expect(target.records.some((r) => r.eventID === RULE_A[0]!.record.eventID)).toBe(true);
    const giant: CloudTrailRecord = { ...target.records[at]!, eventID: 'giant', requestParameters: { prompt: '["\\\\"]} {'.repeat(50_000_000 / 12) } };
    target.records.splice(at, 0, giant);
    await s3.fauxqs.createBucket('giant-trail');
    for (const file of files) await s3.fauxqs.putObject('giant-trail', file.key, file === target ? gzipSync(JSON.stringify({ Records: file.records })) : file.body());
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
