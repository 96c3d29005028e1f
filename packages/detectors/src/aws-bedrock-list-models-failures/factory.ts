import type { DetectorFactory } from '@jackwatch/core';
import { listModelsFailuresConfigSchema, type ListModelsFailuresConfig } from './config.ts';
import { LIST_MODELS_FAILURES_ID } from './meta.ts';
import { listModelsFailuresRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-list-models-failures` (rule C): many refused
 * ListFoundationModels calls by one caller within a sliding window.
 *
 * @example `detectors: { aws-bedrock-list-models-failures: { window: 1h, threshold: 9 } }`
 */
export const listModelsFailuresFactory: DetectorFactory<ListModelsFailuresConfig> = {
  kind: 'detector',
  type: LIST_MODELS_FAILURES_ID,
  stability: 'beta',
  description: 'More than 9 refused ListFoundationModels calls by one caller within a sliding hour',
  configSchema: listModelsFailuresConfigSchema,
  create: (config, context) => listModelsFailuresRule(config, { id: context.id, telemetry: context.telemetry }),
};
