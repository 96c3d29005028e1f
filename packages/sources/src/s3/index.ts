/**
 * The `s3` source: CloudTrail delivery files from S3, by polling the trail
 * layout or from S3 event notifications on SQS. See README.md.
 *
 * @packageDocumentation
 */
export { s3SourceFactory } from './factory.ts';
export { s3SourceConfigSchema } from './config.ts';
export type { S3PollConfig, S3SourceConfig, S3SqsConfig } from './config.ts';
export { S3Source } from './s3-source.ts';
export { parseNotification } from './parse-notification.ts';
export type { Notification } from './parse-notification.ts';
export type { ObjectRef } from './object-reader.ts';
