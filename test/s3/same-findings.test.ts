import { createComponentContext, type Finding, type Interest, type Source } from '@jackwatch/core';
import { bedrockDetectors } from '@jackwatch/detectors';
import { findingsFromSource } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSource, fileSourceConfigSchema } from '@jackwatch/sources';
import { S3Source, s3SourceConfigSchema } from '@jackwatch/sources';
import { type DeliveryFile, enumThenInvoke, listModelsFailures, loggingDeletion, organizationTrail, writeDeliveryTree } from '../support/cloudtrail-delivery.ts';
import { FAUXQS_CREDENTIALS, FAUXQS_REGION } from '../support/fauxqs.ts';
import { fillBucket, type S3Emulation, startS3Emulation } from './support/s3-emulation.ts';

const START = Date.UTC(2026, 9, 1);
const MINUTE = 60_000;
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const REGIONS = ['us-east-1', 'eu-central-1'];

let s3: S3Emulation;
let files: DeliveryFile[];

/** Runs the shipped Bedrock detectors over a source in the real pipeline runtime. */
const findingsOf = (makeSource: (interest: Interest) => Source): Promise<Finding[]> => findingsFromSource(makeSource, bedrockDetectors);

const s3Config = (options: Record<string, unknown>) =>
  s3SourceConfigSchema.parse({ endpoint: s3.fauxqs.endpoint, region: FAUXQS_REGION, concurrency: 8, ...options });

beforeAll(async () => {
  s3 = await startS3Emulation('jw-s3-same-');
  files = organizationTrail(
    { accounts: ACCOUNTS, regions: REGIONS, start: START, days: 2, filesPerDay: 48, recordsPerFile: 20, prefix: 'org/', organizationId: 'o-a1b2c3d4e5' },
    [
      ...enumThenInvoke(ACCOUNTS[0]!, 'us-east-1', START + 10 * 60 * MINUTE),
      // Across midnight, and across two delivery files.
      ...enumThenInvoke(ACCOUNTS[1]!, 'eu-central-1', START + 24 * 60 * MINUTE - MINUTE, 'build-bot'),
      ...loggingDeletion(ACCOUNTS[2]!, 'us-east-1', START + 30 * 60 * MINUTE),
      ...listModelsFailures(ACCOUNTS[0]!, 'eu-central-1', START + 40 * 60 * MINUTE),
    ],
  );
  await fillBucket(s3, 'org-trail', files);
  await writeDeliveryTree(s3.dir, files);
}, 120_000);
afterAll(() => s3?.close());

describe('s3 source in the pipeline runtime', () => {
  it('finds in a poll-mode backfill of the bucket exactly what the file source finds in the same objects', async () => {
    const fromFile = await findingsOf((interest) => new FileSource(fileSourceConfigSchema.parse({ paths: [s3.dir] }), createComponentContext('file', { interest, baseDir: s3.dir })));
    const fromS3 = await findingsOf(
      (interest) => new S3Source(s3Config({ bucket: 'org-trail', prefix: 'org/', startTime: '2026-10-01', once: true }), createComponentContext('s3', { interest }), { credentials: FAUXQS_CREDENTIALS }),
    );

    expect(files.length).toBe(576);
    expect(fromS3.map((f) => f.detector.id).sort()).toEqual([
      'aws-bedrock-enum-then-invoke-long-term-key',
      'aws-bedrock-enum-then-invoke-long-term-key',
      'aws-bedrock-list-models-failures',
      'aws-bedrock-logging-deletion',
      'aws-bedrock-logging-deletion-non-admin',
    ]);
    expect(fromS3.map((f) => f.id)).toEqual(fromFile.map((f) => f.id));
    expect(fromS3).toEqual(fromFile.map((finding) => expect.objectContaining({ id: finding.id, time: finding.time, group: finding.group })));
  });

  it('finds the same from S3 event notifications on SQS (plain and SNS-wrapped), deleting every message', async () => {
    const { queueUrl } = await s3.fauxqs.createQueue('trail-objects');
    const byTime = [...files].sort((a, b) => a.time - b.time || a.key.localeCompare(b.key));
    for (const [i, file] of byTime.entries()) {
      const notification = JSON.stringify({
        Records: [{ eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'us-east-1', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'org-trail' }, object: { key: file.key, size: 1 } } }],
      });
      await s3.fauxqs.sendMessage(queueUrl, i % 2 === 0 ? notification : JSON.stringify({ Type: 'Notification', Message: notification }));
    }

    const fromFile = await findingsOf((interest) => new FileSource(fileSourceConfigSchema.parse({ paths: [s3.dir] }), createComponentContext('file', { interest, baseDir: s3.dir })));
    const fromSqs = await findingsOf(
      (interest) => new S3Source(s3Config({ queueUrl, once: true, waitTime: '1s' }), createComponentContext('s3', { interest }), { credentials: FAUXQS_CREDENTIALS }),
    );

    expect(fromSqs.map((f) => f.id)).toEqual(fromFile.map((f) => f.id));
    expect(fromSqs).toHaveLength(5);
    expect(await s3.fauxqs.queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });
});
