import { durationSchema, sizeSchema } from '@jackwatch/core';
import { z } from 'zod';
import { awsConnectionShape } from '../aws/aws-connection.ts';
import { parseStartTime, type StartTime } from './start-time.ts';

/** Live Tail takes at most this many log groups per session. */
export const LIVE_TAIL_MAX_LOG_GROUPS = 10;
/** CloudWatch Logs rejects longer filter patterns. */
export const FILTER_PATTERN_MAX_LENGTH = 1024;

// `arn:…:log-group:name:*` (as the console copies it) names the same group; the API wants it without `:*`.
const logGroupSchema = z
  .string()
  .min(1)
  .transform((value) => value.trim().replace(/:\*$/, ''))
  .refine((value) => value.startsWith('arn:') || /^[\w.\-/#]{1,512}$/.test(value), {
    message: 'a log group is a name such as /aws/cloudtrail/org (letters, digits, _ - . / #) or an ARN',
  });

const startTimeSchema = z.union([z.string(), z.number()]).transform((value, ctx): StartTime => {
  const start = parseStartTime(value);
  if (start === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a start time; write a span back from now (-1h, -7d), a date (2026-10-01) or a timestamp (2026-10-01T12:00:00Z)`,
    });
    return z.NEVER;
  }
  return start;
});

/**
 * Config of the `cloudwatch-logs` source (README.md beside this file
 * documents every option). Strict: unknown keys are errors.
 */
export const cloudWatchLogsSourceConfigSchema = z
  .strictObject({
    ...awsConnectionShape,
    // `endpoint: ${env:LOGS_ENDPOINT:-}` expands to '' when unset: that means the AWS endpoint, not an invalid URL.
    endpoint: z.preprocess((value) => (value === '' ? undefined : value), awsConnectionShape.endpoint),
    mode: z.enum(['pull', 'tail']).default('pull'),
    logGroups: z.array(logGroupSchema).min(1, 'name at least one log group'),
    logStreamNamePrefix: z.string().min(1).optional(),
    startTime: startTimeSchema.prefault('-1h'),
    pollInterval: durationSchema.prefault('30s'),
    ingestionDelay: durationSchema.prefault('5m'),
    once: z.boolean().default(false),
    filterPattern: z.string().max(FILTER_PATTERN_MAX_LENGTH).optional(),
    pageSize: z.number().int().min(1).max(10_000).default(10_000),
    maxRecordSize: sizeSchema.prefault('16MiB'),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    const duplicate = config.logGroups.find((group, index) => config.logGroups.indexOf(group) !== index);
    if (duplicate !== undefined) issue('logGroups', `log group ${duplicate} is listed twice`);
    if (config.pollInterval < 1_000) issue('pollInterval', 'pollInterval must be at least 1s');
    if (config.maxRecordSize < 1024) issue('maxRecordSize', 'maxRecordSize must be at least 1KiB: CloudTrail records are often several KiB');
    if (config.mode === 'tail') {
      if (config.once) issue('once', 'once reads up to now and ends; a live tail never ends — use mode: pull with once: true');
      if (config.logGroups.length > LIVE_TAIL_MAX_LOG_GROUPS) {
        issue('logGroups', `Live Tail follows at most ${LIVE_TAIL_MAX_LOG_GROUPS} log groups per session; split them over several cloudwatch-logs sources`);
      }
      if (config.logStreamNamePrefix !== undefined && config.logGroups.length > 1) {
        issue('logStreamNamePrefix', 'Live Tail accepts logStreamNamePrefix only with a single log group');
      }
    }
  });

/** The parsed, defaulted config of the `cloudwatch-logs` source (durations in milliseconds). */
export type CloudWatchLogsSourceConfig = z.output<typeof cloudWatchLogsSourceConfigSchema>;
