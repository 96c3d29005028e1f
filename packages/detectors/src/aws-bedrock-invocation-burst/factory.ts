import type { DetectorFactory } from '@jackwatch/core';
import { invocationBurstConfigSchema, type InvocationBurstConfig } from './config.ts';
import { INVOCATION_BURST_ID } from './meta.ts';
import { invocationBurstRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-invocation-burst`: more than 500 invocations of one
 * model by one principal within an hour.
 *
 * @example `detectors: { aws-bedrock-invocation-burst: { threshold: 1000, window: 1h } }`
 */
export const invocationBurstFactory: DetectorFactory<InvocationBurstConfig> = {
  kind: 'detector',
  type: INVOCATION_BURST_ID,
  stability: 'beta',
  description: 'More than 500 successful invocations of one Bedrock model by one principal within any hour',
  configSchema: invocationBurstConfigSchema,
  create: (config, context) => invocationBurstRule(config, { id: context.id, telemetry: context.telemetry }),
};
