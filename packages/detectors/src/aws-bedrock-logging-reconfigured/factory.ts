import type { DetectorFactory } from '@jackwatch/core';
import { loggingReconfiguredConfigSchema, type LoggingReconfiguredConfig } from './config.ts';
import { LOGGING_RECONFIGURED_ID } from './meta.ts';
import { loggingReconfiguredRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-logging-reconfigured`: any attempt to set the
 * Bedrock model invocation logging configuration.
 *
 * @example `detectors: { aws-bedrock-logging-reconfigured: {} }`
 */
export const loggingReconfiguredFactory: DetectorFactory<LoggingReconfiguredConfig> = {
  kind: 'detector',
  type: LOGGING_RECONFIGURED_ID,
  stability: 'beta',
  description: 'Any attempt, successful or refused, to set or change the Bedrock model invocation logging configuration',
  configSchema: loggingReconfiguredConfigSchema,
  create: (config, context) => loggingReconfiguredRule(config, { id: context.id, telemetry: context.telemetry }),
};
