import type { DetectorFactory } from '@jackwatch/core';
import { enumThenInvokeConfigSchema } from '../aws-bedrock-enum-then-invoke-long-term-key/config.ts';
import { loggingCheckConfigSchema } from '../aws-bedrock-logging-check-then-invoke/config.ts';
import { nameSuffix } from '../internal/component-name.ts';
import { killChainConfigSchema, type KillChainConfig } from './config.ts';
import { KILL_CHAIN_ID } from './meta.ts';
import { killChainRule } from './rule.ts';
import type { SubsumedRules } from './subsumed-findings.ts';

/**
 * The rules a kill chain configured on its own links: all three, with their
 * default options, named like the kill chain (`…/prod` links `…/prod`).
 */
export function defaultSubsumedRules(componentId: string): SubsumedRules {
  return {
    suffix: nameSuffix(componentId),
    modelAccess: true,
    enumThenInvoke: { maxSpan: enumThenInvokeConfigSchema.parse({}).maxSpan },
    loggingCheck: { maxSpan: loggingCheckConfigSchema.parse({}).maxSpan },
  };
}

/**
 * Factory of `aws-bedrock-llmjacking-kill-chain`: one key goes through 3 of
 * the 4 LLMjacking stages within a day.
 *
 * @example `detectors: { aws-bedrock-llmjacking-kill-chain: { window: 24h, minStages: 3 } }`
 */
export const killChainFactory: DetectorFactory<KillChainConfig> = {
  kind: 'detector',
  type: KILL_CHAIN_ID,
  stability: 'beta',
  description: 'One key goes through at least 3 of 4 LLMjacking stages (discovery, logging check, enablement, invocation) within any 24 hours',
  configSchema: killChainConfigSchema,
  create: (config, context) => killChainRule(config, defaultSubsumedRules(context.id), { id: context.id, telemetry: context.telemetry }),
};
