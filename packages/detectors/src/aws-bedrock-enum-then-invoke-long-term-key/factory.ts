import type { DetectorFactory } from '@jackwatch/core';
import { enumThenInvokeConfigSchema, type EnumThenInvokeConfig } from './config.ts';
import { ENUM_THEN_INVOKE_ID } from './meta.ts';
import { enumThenInvokeRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-enum-then-invoke-long-term-key` (rule A): Bedrock
 * model enumeration followed by invocation with a long-term key.
 *
 * @example `detectors: { aws-bedrock-enum-then-invoke-long-term-key: { maxSpan: 15m } }`
 */
export const enumThenInvokeFactory: DetectorFactory<EnumThenInvokeConfig> = {
  kind: 'detector',
  type: ENUM_THEN_INVOKE_ID,
  stability: 'beta',
  description: 'Bedrock foundation models listed, then a model invoked, by the same long-term (AKIA) key within 15 minutes',
  configSchema: enumThenInvokeConfigSchema,
  create: (config, context) => enumThenInvokeRule(config, { id: context.id, telemetry: context.telemetry }),
};
