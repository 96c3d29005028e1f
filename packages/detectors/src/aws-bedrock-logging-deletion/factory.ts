import type { DetectorFactory } from '@jackwatch/core';
import { loggingDeletionConfigSchema, type LoggingDeletionConfig } from './config.ts';
import { LOGGING_DELETION_ID } from './meta.ts';
import { loggingDeletionRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-logging-deletion` (rule B, high): any attempt to
 * delete the Bedrock model invocation logging configuration.
 *
 * @example `detectors: { aws-bedrock-logging-deletion: {} }`
 */
export const loggingDeletionFactory: DetectorFactory<LoggingDeletionConfig> = {
  kind: 'detector',
  type: LOGGING_DELETION_ID,
  stability: 'beta',
  description: 'Any attempt, successful or refused, to delete the Bedrock model invocation logging configuration',
  configSchema: loggingDeletionConfigSchema,
  create: (config, context) => loggingDeletionRule(config, { id: context.id, telemetry: context.telemetry }),
};
