import type { DetectorFactory } from '@jackwatch/core';
import { modelAccessConfigSchema, type ModelAccessConfig } from './config.ts';
import { MODEL_ACCESS_ID } from './meta.ts';
import { modelAccessRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-model-access-long-term-key`: a long-term key checks
 * or grants access to a Bedrock foundation model.
 *
 * @example `detectors: { aws-bedrock-model-access-long-term-key: {} }`
 */
export const modelAccessFactory: DetectorFactory<ModelAccessConfig> = {
  kind: 'detector',
  type: MODEL_ACCESS_ID,
  stability: 'beta',
  description: 'A long-term (AKIA) key checks or grants access to a Bedrock foundation model, successfully or not',
  configSchema: modelAccessConfigSchema,
  create: (config, context) => modelAccessRule(config, { id: context.id, telemetry: context.telemetry }),
};
