import { durationSchema, sizeSchema } from '@jackwatch/core';
import { z } from 'zod';
import { awsConnectionShape, blankAsUnset } from '../aws/aws-connection.ts';
import { parseStartTime } from './start-time.ts';

const ACCOUNT_ID = /^\d{12}$/;
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const SQS_MAX_VISIBILITY_MS = 12 * 3_600_000;

/**
 * Config of the `s3` source (README.md beside this file documents every
 * option). Poll mode lists the bucket; SQS mode (`queueUrl`) reads S3 event
 * notifications instead. Strict: unknown keys are errors.
 */
export const s3SourceConfigSchema = z
  .strictObject({
    ...awsConnectionShape,
    bucket: z.string().min(3).max(63).optional(),
    prefix: z.string().default(''),
    layout: z.enum(['cloudtrail', 'flat']).default('cloudtrail'),
    organizationId: z.string().regex(ORGANIZATION_ID, 'an organization id looks like o-a1b2c3d4e5').optional(),
    accounts: z.array(z.string().regex(ACCOUNT_ID, 'an account id is 12 digits')).min(1).optional(),
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region looks like us-east-1')).min(1).optional(),
    startTime: blankAsUnset(z.string()),
    pollInterval: durationSchema.prefault('1m'),
    lateDelivery: durationSchema.prefault('15m'),
    once: z.boolean().default(false),
    concurrency: z.number().int().min(1).max(64).default(8),
    listPageSize: z.number().int().min(1).max(1000).default(1000),
    forcePathStyle: z.boolean().optional(),
    prefilter: z.boolean().default(true),
    maxRecordSize: sizeSchema.prefault('16MiB'),
    queueUrl: blankAsUnset(z.url()),
    sqsEndpoint: blankAsUnset(z.url()),
    waitTime: durationSchema.prefault('20s'),
    visibilityTimeout: durationSchema.prefault('10m'),
    maxMessages: z.number().int().min(1).max(10).default(10),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    const sqsMode = config.queueUrl !== undefined;
    if (!sqsMode && config.bucket === undefined) issue('bucket', 'bucket is required in poll mode (or set queueUrl to read S3 event notifications from SQS)');
    if (sqsMode) {
      for (const key of ['organizationId', 'accounts', 'regions', 'startTime'] as const) {
        if (config[key] !== undefined) issue(key, `${key} only applies to poll mode; with queueUrl the notifications say which objects to read`);
      }
    }
    if (config.layout === 'flat') {
      for (const key of ['organizationId', 'accounts', 'regions'] as const) {
        if (config[key] !== undefined) issue(key, `${key} needs layout: cloudtrail (the AWSLogs/<account>/CloudTrail/<region>/ layout)`);
      }
    }
    if (config.startTime !== undefined && parseStartTime(config.startTime) === undefined) {
      issue('startTime', `"${config.startTime}" is not a start time; write a date (2026-10-01), a timestamp (2026-10-01T12:00:00Z) or a span back from now (24h, 7d)`);
    }
    if (config.pollInterval < 1_000) issue('pollInterval', 'pollInterval must be at least 1s');
    if (config.maxRecordSize < 1024) issue('maxRecordSize', 'maxRecordSize must be at least 1KiB: CloudTrail records are often several KiB');
    if (config.waitTime > 20_000) issue('waitTime', 'waitTime is the SQS long-poll wait: at most 20s');
    if (config.visibilityTimeout < 10_000 || config.visibilityTimeout > SQS_MAX_VISIBILITY_MS) {
      issue('visibilityTimeout', 'visibilityTimeout must be between 10s and 12h');
    }
  });

/** The parsed, defaulted config of the `s3` source (durations in milliseconds). */
export type S3SourceConfig = z.output<typeof s3SourceConfigSchema>;
