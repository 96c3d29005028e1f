import type { DetectorFactory } from '@jackwatch/core';
import { invocationProbingConfigSchema, type InvocationProbingConfig } from './config.ts';
import { INVOCATION_PROBING_ID } from './meta.ts';
import { invocationProbingRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-invocation-probing`: one key's invocations of
 * several models refused for invalid parameters within minutes.
 *
 * @example `detectors: { aws-bedrock-invocation-probing: { window: 10m, minModels: 3 } }`
 */
export const invocationProbingFactory: DetectorFactory<InvocationProbingConfig> = {
  kind: 'detector',
  type: INVOCATION_PROBING_ID,
  stability: 'beta',
  description: 'One key gets ValidationException invoking at least 3 distinct Bedrock models within any 10 minutes',
  configSchema: invocationProbingConfigSchema,
  create: (config, context) => invocationProbingRule(config, { id: context.id, telemetry: context.telemetry }),
};
