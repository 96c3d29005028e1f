/**
 * @jackwatch/sources — where CloudTrail events come from: files, S3 (polling
 * or SQS notifications), CloudWatch Logs.
 *
 * @packageDocumentation
 */
import type { SourceFactory } from '@jackwatch/core';
import { cloudWatchLogsSourceFactory } from './cloudwatch-logs/index.ts';
import { fileSourceFactory } from './file/index.ts';
import { s3SourceFactory } from './s3/index.ts';

// --- file source ---
export {
  fileSourceFactory,
  FileSource,
  fileSourceConfigSchema,
  compareDeliveryOrder,
  deliveryTimestamp,
} from './file/index.ts';
export type { FileSourceConfig } from './file/index.ts';

// --- cloudwatch-logs source ---
export {
  cloudWatchLogsSourceFactory,
  CloudWatchLogsSource,
  cloudWatchLogsSourceConfigSchema,
  filterPatternFor,
} from './cloudwatch-logs/index.ts';
export type { CloudWatchLogsSourceConfig } from './cloudwatch-logs/index.ts';

// --- s3 source ---
export { s3SourceFactory, S3Source, s3SourceConfigSchema, parseNotification } from './s3/index.ts';
export type { S3PollConfig, S3SourceConfig, S3SqsConfig, Notification, ObjectRef } from './s3/index.ts';

// --- AWS wiring shared by s3 and cloudwatch-logs ---
export { AwsRequestError } from './aws/index.ts';
export type { AwsErrorKind, AwsOperation } from './aws/index.ts';

/** Every source factory of this package, for registries. */
export const builtInSources: readonly SourceFactory<any>[] = [fileSourceFactory, s3SourceFactory, cloudWatchLogsSourceFactory];
