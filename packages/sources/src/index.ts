/**
 * @jackwatch/sources — where CloudTrail events come from: files, S3 (polling
 * or SQS notifications), CloudWatch Logs.
 *
 * @packageDocumentation
 */
import type { SourceFactory } from '@jackwatch/core';
import { cloudWatchLogsSourceFactory } from './cloudwatch-logs/index.ts';
import { fileSourceFactory } from './file/index.ts';

// --- file source ---
export {
  fileSourceFactory,
  FileSource,
  fileSourceConfigSchema,
  RecordsSplitter,
  salvageRecords,
  compareDeliveryOrder,
  deliveryTimestamp,
} from './file/index.ts';
export type { FileSourceConfig, SplitEnd } from './file/index.ts';

// --- cloudwatch-logs source ---
export {
  cloudWatchLogsSourceFactory,
  CloudWatchLogsSource,
  cloudWatchLogsSourceConfigSchema,
  filterPatternFor,
} from './cloudwatch-logs/index.ts';
export type { CloudWatchLogsSourceConfig } from './cloudwatch-logs/index.ts';

/** Every source factory of this package, for registries. */
export const builtInSources: readonly SourceFactory<any>[] = [fileSourceFactory, cloudWatchLogsSourceFactory];
