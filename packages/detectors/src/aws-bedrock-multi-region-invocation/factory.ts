import type { DetectorFactory } from '@jackwatch/core';
import { multiRegionConfigSchema, type MultiRegionConfig } from './config.ts';
import { MULTI_REGION_ID } from './meta.ts';
import { multiRegionRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-multi-region-invocation`: one key invokes models in
 * several regions within an hour.
 *
 * @example `detectors: { aws-bedrock-multi-region-invocation: { window: 1h, minRegions: 3 } }`
 */
export const multiRegionFactory: DetectorFactory<MultiRegionConfig> = {
  kind: 'detector',
  type: MULTI_REGION_ID,
  stability: 'beta',
  description: 'One key invokes Bedrock models successfully in at least 3 distinct regions within any hour',
  configSchema: multiRegionConfigSchema,
  create: (config, context) => multiRegionRule(config, { id: context.id, telemetry: context.telemetry }),
};
