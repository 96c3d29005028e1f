import type { DetectorFactory } from '@jackwatch/core';
import { newOriginConfigSchema, type NewOriginConfig } from './config.ts';
import { NEW_ORIGIN_ID } from './meta.ts';
import { newOriginRule } from './rule.ts';

/**
 * Factory of `acme-bedrock-new-origin`: Bedrock invoked by a long-term key
 * from an IP or user agent not seen for that key in the last 7 days.
 *
 * @example `detectors: { acme-bedrock-new-origin: { history: 7d, userAgent: product } }`
 */
export const newOriginFactory: DetectorFactory<NewOriginConfig> = {
  kind: 'detector',
  type: NEW_ORIGIN_ID,
  stability: 'alpha',
  description: 'Bedrock invoked by a long-term (AKIA) key from an IP or user agent not seen for that key in the last 7 days',
  configSchema: newOriginConfigSchema,
  create: (config, context) => newOriginRule(config, { id: context.id, telemetry: context.telemetry }),
};
