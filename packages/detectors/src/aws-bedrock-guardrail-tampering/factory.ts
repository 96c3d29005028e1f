import type { DetectorFactory } from '@jackwatch/core';
import { guardrailTamperingConfigSchema, type GuardrailTamperingConfig } from './config.ts';
import { GUARDRAIL_TAMPERING_ID } from './meta.ts';
import { guardrailTamperingRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-guardrail-tampering`: a Bedrock guardrail deleted
 * or updated.
 *
 * @example `detectors: { aws-bedrock-guardrail-tampering: {} }`
 */
export const guardrailTamperingFactory: DetectorFactory<GuardrailTamperingConfig> = {
  kind: 'detector',
  type: GUARDRAIL_TAMPERING_ID,
  stability: 'beta',
  description: 'A Bedrock guardrail deleted or updated (successful DeleteGuardrail or UpdateGuardrail)',
  configSchema: guardrailTamperingConfigSchema,
  create: (config, context) => guardrailTamperingRule(config, { id: context.id, telemetry: context.telemetry }),
};
