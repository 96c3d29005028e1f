/**
 * The `cloudwatch-logs` source: CloudTrail records from CloudWatch Logs.
 *
 * @packageDocumentation
 */
export { cloudWatchLogsSourceFactory } from './factory.ts';
export { CloudWatchLogsSource } from './cloudwatch-logs-source.ts';
export { cloudWatchLogsSourceConfigSchema } from './config.ts';
export type { CloudWatchLogsSourceConfig } from './config.ts';
export { filterPatternFor } from './filter-pattern.ts';
