import { detectorBundle, type BundleMember, type DetectorFactory } from '@jackwatch/core';
import { killChainRule } from '../aws-bedrock-llmjacking-kill-chain/rule.ts';
import { KILL_CHAIN_ID } from '../aws-bedrock-llmjacking-kill-chain/meta.ts';
import { nameSuffix } from '../internal/component-name.ts';
import { bedrockPackConfigSchema, type BedrockPackConfig, type BedrockRuleId } from './config.ts';
import { BEDROCK_PACK_ID, bedrockPackMeta } from './meta.ts';
import { BEDROCK_RULES } from './rules.ts';

/**
 * Factory of the `aws-bedrock` pack: every Bedrock rule from one config entry,
 * each a detector of its own whose id is the rule id, suffixed `/name` when
 * the entry is named (`aws-bedrock/prod` runs `aws-bedrock-logging-deletion/prod`, …).
 * The kill chain links the findings of the pack's rules that are on.
 *
 * @example `detectors: { aws-bedrock: { rules: { aws-bedrock-invocation-burst: { threshold: 1000 }, aws-bedrock-logging-deletion-non-admin: false } } }`
 */
export const bedrockPackFactory: DetectorFactory<BedrockPackConfig> = {
  kind: 'detector',
  type: BEDROCK_PACK_ID,
  stability: 'beta',
  description: 'All twelve Bedrock LLMjacking rules in one entry; set a rule\'s options or turn it off under rules:',
  configSchema: bedrockPackConfigSchema,
  create: (config, context) => {
    const suffix = nameSuffix(context.id);
    const rules = config.rules as Readonly<Record<BedrockRuleId, unknown>>;
    const members: BundleMember[] = [];
    for (const factory of BEDROCK_RULES) {
      const options = rules[factory.type as BedrockRuleId];
      if (options === false) continue;
      const id = `${factory.type}${suffix}`;
      if (factory.type !== KILL_CHAIN_ID) {
        members.push({ id, detector: factory.create(options, { ...context, id }) });
        continue;
      }
      const enumThenInvoke = config.rules['aws-bedrock-enum-then-invoke-long-term-key'];
      const loggingCheck = config.rules['aws-bedrock-logging-check-then-invoke'];
      const subsumes = {
        suffix,
        modelAccess: config.rules['aws-bedrock-model-access-long-term-key'] !== false,
        enumThenInvoke: enumThenInvoke === false ? undefined : { maxSpan: enumThenInvoke.maxSpan },
        loggingCheck: loggingCheck === false ? undefined : { maxSpan: loggingCheck.maxSpan },
      };
      members.push({ id, detector: killChainRule(config.rules[KILL_CHAIN_ID] as Exclude<BedrockPackConfig['rules'][typeof KILL_CHAIN_ID], false>, subsumes, { id, telemetry: context.telemetry }) });
    }
    return detectorBundle(bedrockPackMeta, members);
  },
};
