import { z } from 'zod';
import { enumThenInvokeConfigSchema } from '../aws-bedrock-enum-then-invoke-long-term-key/config.ts';
import { guardrailTamperingConfigSchema } from '../aws-bedrock-guardrail-tampering/config.ts';
import { invocationBurstConfigSchema } from '../aws-bedrock-invocation-burst/config.ts';
import { invocationProbingConfigSchema } from '../aws-bedrock-invocation-probing/config.ts';
import { listModelsFailuresConfigSchema } from '../aws-bedrock-list-models-failures/config.ts';
import { killChainConfigSchema } from '../aws-bedrock-llmjacking-kill-chain/config.ts';
import { loggingCheckConfigSchema } from '../aws-bedrock-logging-check-then-invoke/config.ts';
import { loggingDeletionConfigSchema } from '../aws-bedrock-logging-deletion/config.ts';
import { nonAdminDeletionConfigSchema } from '../aws-bedrock-logging-deletion-non-admin/config.ts';
import { loggingReconfiguredConfigSchema } from '../aws-bedrock-logging-reconfigured/config.ts';
import { modelAccessConfigSchema } from '../aws-bedrock-model-access-long-term-key/config.ts';
import { multiRegionConfigSchema } from '../aws-bedrock-multi-region-invocation/config.ts';

/**
 * One rule's entry under `rules`: its options (validated by the rule's own
 * strict schema, defaults filled in), `false` to turn it off, or nothing,
 * `{}` or `true` to run it with its defaults.
 */
function ruleEntry<Schema extends z.ZodType>(schema: Schema) {
  return z
    .union([schema, z.boolean()])
    .nullish()
    .transform((value): z.output<Schema> | false => (value === false ? false : value === true || value === null || value === undefined ? schema.parse({}) : value));
}

const rulesSchema = z.strictObject({
  'aws-bedrock-enum-then-invoke-long-term-key': ruleEntry(enumThenInvokeConfigSchema),
  'aws-bedrock-logging-deletion': ruleEntry(loggingDeletionConfigSchema),
  'aws-bedrock-logging-deletion-non-admin': ruleEntry(nonAdminDeletionConfigSchema),
  'aws-bedrock-list-models-failures': ruleEntry(listModelsFailuresConfigSchema),
  'aws-bedrock-model-access-long-term-key': ruleEntry(modelAccessConfigSchema),
  'aws-bedrock-logging-reconfigured': ruleEntry(loggingReconfiguredConfigSchema),
  'aws-bedrock-guardrail-tampering': ruleEntry(guardrailTamperingConfigSchema),
  'aws-bedrock-logging-check-then-invoke': ruleEntry(loggingCheckConfigSchema),
  'aws-bedrock-invocation-probing': ruleEntry(invocationProbingConfigSchema),
  'aws-bedrock-multi-region-invocation': ruleEntry(multiRegionConfigSchema),
  'aws-bedrock-invocation-burst': ruleEntry(invocationBurstConfigSchema),
  'aws-bedrock-llmjacking-kill-chain': ruleEntry(killChainConfigSchema),
});

/**
 * Options of the `aws-bedrock` pack: `rules` maps a rule id to its options
 * or to `false`; a rule not listed runs with its defaults.
 *
 * @example `detectors: { aws-bedrock: { rules: { aws-bedrock-invocation-burst: { threshold: 1000 }, aws-bedrock-logging-deletion-non-admin: false } } }`
 */
export const bedrockPackConfigSchema = z
  .strictObject({
    /** Per rule id: its options, or `false` to turn it off (default: every rule on, with its defaults). */
    rules: rulesSchema.prefault({}),
  })
  .refine((config) => Object.values(config.rules).some((rule) => rule !== false), {
    message: 'turns every rule off; remove the entry instead',
    path: ['rules'],
  });

/** Parsed options of the `aws-bedrock` pack: per rule id, its parsed options or `false`. */
export type BedrockPackConfig = z.output<typeof bedrockPackConfigSchema>;

/** A rule id of the pack. */
export type BedrockRuleId = keyof BedrockPackConfig['rules'];
