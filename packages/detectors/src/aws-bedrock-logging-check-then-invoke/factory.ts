import type { DetectorFactory } from '@jackwatch/core';
import { loggingCheckConfigSchema, type LoggingCheckConfig } from './config.ts';
import { LOGGING_CHECK_ID } from './meta.ts';
import { loggingCheckRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-logging-check-then-invoke`: a key reads the Bedrock
 * invocation logging configuration, then invokes a model within `maxSpan`.
 *
 * @example `detectors: { aws-bedrock-logging-check-then-invoke: { maxSpan: 1h } }`
 */
export const loggingCheckFactory: DetectorFactory<LoggingCheckConfig> = {
  kind: 'detector',
  type: LOGGING_CHECK_ID,
  stability: 'beta',
  description: 'A key reads the Bedrock invocation logging configuration, then invokes a model within an hour',
  configSchema: loggingCheckConfigSchema,
  create: (config, context) => loggingCheckRule(config, { id: context.id, telemetry: context.telemetry }),
};
