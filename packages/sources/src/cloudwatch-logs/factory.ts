import type { SourceFactory } from '@jackwatch/core';
import { CloudWatchLogsSource } from './cloudwatch-logs-source.ts';
import { type CloudWatchLogsSourceConfig, cloudWatchLogsSourceConfigSchema } from './config.ts';
import { probeCloudWatchLogsSource } from '../probe/cloudwatch-logs-probe.ts';

/**
 * The `cloudwatch-logs` source type: CloudTrail records from CloudWatch Logs,
 * polled with FilterLogEvents (`mode: pull`) or followed with Live Tail
 * (`mode: tail`), with the detectors' interest pushed down as a filter pattern.
 *
 * @example
 * ```yaml
 * sources:
 *   cloudwatch-logs/org:
 *     logGroups: [aws-cloudtrail-logs-org]
 *     region: us-east-1
 * ```
 */
export const cloudWatchLogsSourceFactory: SourceFactory<CloudWatchLogsSourceConfig> = {
  kind: 'source',
  type: 'cloudwatch-logs',
  stability: 'alpha',
  description: 'CloudTrail records from CloudWatch Logs (FilterLogEvents polling or Live Tail), filter pushed down',
  configSchema: cloudWatchLogsSourceConfigSchema,
  create: (config, context) => new CloudWatchLogsSource(config, context),
  probe: probeCloudWatchLogsSource,
};
