import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumThenInvoke, listModelsFailures, loggingDeletion, organizationTrail } from '../support/cloudtrail-delivery.ts';
import { fillBucket, pollFindings, type S3Emulation, startS3Emulation } from './support/s3-emulation.ts';

const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const MIB = 1024 * 1024;
const LIMIT = 16 * MIB; // the s3 source's default maxRecordSize

let s3: S3Emulation;

beforeAll(async () => {
  s3 = await startS3Emulation('jw-s3-bomb-');
}, 60_000);
afterAll(() => s3?.close());

const trail = () =>
  organizationTrail({ accounts: [ACCOUNT], regions: [REGION], start: START, days: 1, filesPerDay: 24, recordsPerFile: 10 }, [
    ...listModelsFailures(ACCOUNT, REGION, START + 2 * HOUR),
    ...enumThenInvoke(ACCOUNT, REGION, START + 5 * HOUR + 20 * 60_000),
    ...loggingDeletion(ACCOUNT, REGION, START + 8 * HOUR),
  ]);

const findings = (bucket: string) => pollFindings(s3, bucket, 150_000);

describe('examples/s3-poll.yaml over a bucket holding a 1 MB delivery file that inflates to 1 GiB', () => {
  it('prints every finding of the other objects and reports the bomb alone, with its size', { timeout: 300_000 }, async () => {
    await fillBucket(s3, 'clean-trail', trail());
    const reference = await findings('clean-trail');

    // 1 GiB of zero bytes in 16 gzip members of 64 MiB, then a tiny last member: its trailer announces 1 byte.
    const zeros = gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
    const bomb = Buffer.concat([...Array.from({ length: 16 }, () => zeros), gzipSync(' ')]);
    const files = trail();
    // A delivery file of another region, from the hours of the attacks: its own partition, so the progress its
    // name tells moves no other partition's watermark (the trail's files are hourly here, not every 5 minutes).
    const key = files[5]!.key.replaceAll(REGION, 'eu-west-1').replace(/\.json\.gz$/, '_bomb.json.gz');
    await fillBucket(s3, 'bomb-trail', files);
    await s3.fauxqs.putObject('bomb-trail', key, bomb);
    const { ids, stderr } = await findings('bomb-trail');

    expect(reference.ids).toHaveLength(4);
    expect(ids).toEqual(reference.ids);
    expect(stderr).toContain(`rejected input: line is ${1024 * MIB + 1} bytes, longer than maxRecordSize (${LIMIT} bytes); skipped unparsed, the rest of the input is still read`);
    expect(stderr).toContain(`origin=s3://bomb-trail/${key}#1`);
    expect(stderr).toMatch(/rejected: malformed-json 1\n/);
  });
});
