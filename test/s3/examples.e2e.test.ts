import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumThenInvoke, listModelsFailures, loggingDeletion, organizationTrail, type DeliveryFile } from '../support/cloudtrail-delivery.ts';
import { fauxqsEnvironment } from '../support/fauxqs.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';
import { startCli } from '../support/cli-process.ts';
import { findingIds as ids, plantWithReference, pollEnvironment, S3_POLL_EXAMPLE, type S3Emulation, startS3Emulation } from './support/s3-emulation.ts';

const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const ACCOUNTS = ['111122223333', '444455556666'];
const REGIONS = ['us-east-1', 'ap-southeast-2'];

let s3: S3Emulation;
let files: DeliveryFile[];
let expected: string[];

beforeAll(async () => {
  s3 = await startS3Emulation('jw-s3-examples-');
  files = organizationTrail({ accounts: ACCOUNTS, regions: REGIONS, start: START, days: 3, filesPerDay: 24, recordsPerFile: 10 }, [
    ...enumThenInvoke(ACCOUNTS[0]!, 'us-east-1', START + 5 * HOUR),
    ...enumThenInvoke(ACCOUNTS[1]!, 'ap-southeast-2', START + 30 * HOUR, 'build-bot'),
    ...loggingDeletion(ACCOUNTS[1]!, 'us-east-1', START + 50 * HOUR),
    ...listModelsFailures(ACCOUNTS[0]!, 'ap-southeast-2', START + 60 * HOUR),
  ]);
  // The file source's findings over the very same objects: the reference.
  expected = await plantWithReference(s3, 'org-trail', files);
}, 180_000);
afterAll(() => s3?.close());

describe('examples/s3-poll.yaml and examples/s3-sqs.yaml against the emulator', () => {
  it('s3-poll.yaml backfills the bucket, finds what the file source finds, and a rerun resumes with nothing left', async () => {
    const env = pollEnvironment(s3, 'org-trail', join(s3.dir, 'poll-checkpoints'));
    const config = S3_POLL_EXAMPLE;

    const first = await runCli(['run', '--config', config], { env, timeoutMs: 120_000 });
    const rerun = await runCli(['run', '--config', config], { env, timeoutMs: 120_000 });

    expect(first.code, first.stderr).toBe(0);
    expect(expected).toHaveLength(5);
    expect(ids(first.stdout)).toEqual(expected);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(ids(rerun.stdout)).toEqual([]);
  });

  it('s3-sqs.yaml reads the notified objects, finds what the file source finds, and drains on SIGTERM', async () => {
    const { queueUrl } = await s3.fauxqs.createQueue('trail-objects', { deadLetterAfter: 3 });
    for (const file of [...files].sort((a, b) => a.time - b.time)) {
      await s3.fauxqs.sendMessage(queueUrl, JSON.stringify({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'org-trail' }, object: { key: file.key } } }] }));
    }
    const cli = startCli(join(REPO_ROOT, 'examples/s3-sqs.yaml'), {
      ...fauxqsEnvironment(),
      TRAIL_QUEUE_URL: queueUrl,
      S3_ENDPOINT: s3.fauxqs.endpoint,
      JACKWATCH_CHECKPOINT_DIR: join(s3.dir, 'sqs-checkpoints'),
    });

    await cli.waitFor((lines) => lines.length >= expected.length);
    while ((await s3.fauxqs.queueCounts(queueUrl)).visible > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    cli.child.kill('SIGTERM');
    const code = await cli.exited();
    const left = await s3.fauxqs.queueCounts(queueUrl);

    expect(code, cli.stderr()).toBe(0);
    expect(ids(cli.lines)).toEqual(expected);
    // Every message was received; the drain deleted those whose batches the watermark retired and left the
    // last ones in flight, to be read again by the next run (same finding ids).
    expect(left.visible).toBe(0);
    expect(left.inFlight).toBeLessThan(files.length / 4);
  });
});
