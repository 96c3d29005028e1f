import type { SourceFactory } from '@jackwatch/core';
import { type S3SourceConfig, s3SourceConfigSchema } from './config.ts';
import { S3Source } from './s3-source.ts';
import { probeS3Source } from '../probe/s3-probe.ts';

/**
 * Factory of the `s3` source: CloudTrail from an S3 bucket, by polling the
 * trail layout or from S3 event notifications on SQS.
 *
 * @example
 * ```yaml
 * sources:
 *   s3/prod: { bucket: org-trail, organizationId: o-a1b2c3d4e5, region: us-east-1 }
 * ```
 */
export const s3SourceFactory: SourceFactory<S3SourceConfig> = {
  kind: 'source',
  type: 's3',
  stability: 'alpha',
  description: 'CloudTrail delivery files from S3: polls the trail layout, or follows S3 event notifications on SQS',
  configSchema: s3SourceConfigSchema,
  create: (config, context) => new S3Source(config, context),
  probe: probeS3Source,
};
