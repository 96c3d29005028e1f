import { durationSchema, sizeSchema } from '@jackwatch/core';
import { z } from 'zod';
import { awsConnectionShape, blankAsUnset } from '../aws/aws-connection.ts';
import { workersSchema } from '../internal/workers-option.ts';
import { parseStartTime } from './start-time.ts';

const ACCOUNT_ID = /^\d{12}$/;
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const SQS_MAX_VISIBILITY_MS = 12 * 3_600_000;

/** The options both modes take. */
const commonShape = {
  ...awsConnectionShape,
  prefix: z.string().default(''),
  once: z.boolean().default(false),
  concurrency: z.number().int().min(1).max(64).default(8),
  forcePathStyle: z.boolean().optional(),
  prefilter: z.boolean().default(true),
  maxRecordSize: sizeSchema.prefault('16MiB'),
  workers: workersSchema,
};

const pollShape = {
  mode: z.literal('poll'),
  bucket: z.string({ error: (issue) => (issue.input === undefined ? 'bucket is required in poll mode (or set mode: sqs and queueUrl to read S3 event notifications from SQS)' : undefined) }).min(3).max(63),
  layout: z.enum(['cloudtrail', 'flat']).default('cloudtrail'),
  organizationId: z.string().regex(ORGANIZATION_ID, 'an organization id looks like o-a1b2c3d4e5').optional(),
  accounts: z.array(z.string().regex(ACCOUNT_ID, 'an account id is 12 digits')).min(1).optional(),
  regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region looks like us-east-1')).min(1).optional(),
  startTime: blankAsUnset(z.string()),
  pollInterval: durationSchema.prefault('1m'),
  lateDelivery: durationSchema.prefault('15m'),
  listPageSize: z.number().int().min(1).max(1000).default(1000),
};

const sqsShape = {
  mode: z.literal('sqs'),
  queueUrl: z.preprocess((value: unknown) => (value === '' || value === null ? undefined : value), z.url({
    error: (issue) => (issue.input === undefined ? 'queueUrl is required in sqs mode: the URL of the queue S3 notifies' : undefined),
  })),
  sqsEndpoint: blankAsUnset(z.url()),
  bucket: z.string().min(3).max(63).optional(),
  waitTime: durationSchema.prefault('20s'),
  visibilityTimeout: durationSchema.prefault('10m'),
  maxMessages: z.number().int().min(1).max(10).default(10),
};

const SQS_ONLY = ['queueUrl', 'sqsEndpoint', 'waitTime', 'visibilityTimeout', 'maxMessages'] as const;
const POLL_ONLY = ['layout', 'organizationId', 'accounts', 'regions', 'startTime', 'pollInterval', 'lateDelivery', 'listPageSize'] as const;

// An option of the other mode: refused with a message that names both modes, not as an unknown key.
function otherModeOption(key: string, mode: 'poll' | 'sqs') {
  const why = mode === 'sqs'
    ? `${key} only applies to mode: poll; in mode: sqs the notifications say which objects to read`
    : `${key} only applies to mode: sqs (reading S3 event notifications from a queue); this source is in mode: poll`;
  return blankAsUnset(z.undefined({ error: why })); // blank: what an unset `${env:NAME:-}` gives, not an option set
}

const pollSchema = z
  .strictObject({ ...commonShape, ...pollShape, ...Object.fromEntries(SQS_ONLY.map((key) => [key, otherModeOption(key, 'poll')])) as Record<(typeof SQS_ONLY)[number], ReturnType<typeof otherModeOption>> })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
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
  });

const sqsSchema = z
  .strictObject({ ...commonShape, ...sqsShape, ...Object.fromEntries(POLL_ONLY.map((key) => [key, otherModeOption(key, 'sqs')])) as Record<(typeof POLL_ONLY)[number], ReturnType<typeof otherModeOption>> })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if (config.maxRecordSize < 1024) issue('maxRecordSize', 'maxRecordSize must be at least 1KiB: CloudTrail records are often several KiB');
    if (config.waitTime > 20_000) issue('waitTime', 'waitTime is the SQS long-poll wait: at most 20s');
    if (config.visibilityTimeout < 10_000 || config.visibilityTimeout > SQS_MAX_VISIBILITY_MS) {
      issue('visibilityTimeout', 'visibilityTimeout must be between 10s and 12h');
    }
  });

// Without `mode`, a config with a `queueUrl` is in SQS mode, any other in poll mode.
function withMode(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'mode' in value) return value;
  const queueUrl = (value as { queueUrl?: unknown }).queueUrl;
  return { ...value, mode: queueUrl === undefined || queueUrl === null || queueUrl === '' ? 'poll' : 'sqs' };
}

/**
 * Config of the `s3` source (README.md beside this file documents every
 * option): `mode: poll` lists the bucket, `mode: sqs` reads S3 event
 * notifications from a queue. Without `mode`, a config with `queueUrl` is in
 * SQS mode, any other in poll mode. Each mode takes only its own options: an
 * option of the other mode is an error that names both. Strict: unknown keys
 * are errors.
 */
export const s3SourceConfigSchema = z.preprocess(
  withMode,
  z.discriminatedUnion('mode', [pollSchema, sqsSchema], { error: (issue) => (issue.code === 'invalid_union' ? 'mode must be poll (list the bucket) or sqs (read S3 event notifications from a queue)' : undefined) }),
);

/** The parsed, defaulted config of the `s3` source in poll mode (durations in milliseconds). */
export type S3PollConfig = z.output<typeof pollSchema>;
/** The parsed, defaulted config of the `s3` source in SQS mode (durations in milliseconds). */
export type S3SqsConfig = z.output<typeof sqsSchema>;
/** The parsed, defaulted config of the `s3` source: one of its two modes. */
export type S3SourceConfig = S3PollConfig | S3SqsConfig;
