/**
 * `@jackwatch/detectors` — the Bedrock LLMjacking rules, each a short
 * declaration on the `@jackwatch/core` detection primitives, and the
 * `aws-bedrock` pack that runs them all from one config entry.
 *
 * @packageDocumentation
 */
import type { DetectorFactory } from '@jackwatch/core';
import { bedrockPackFactory } from './aws-bedrock/index.ts';
import { BEDROCK_RULES } from './aws-bedrock/rules.ts';

export {
  enumThenInvokeFactory,
  enumThenInvokeConfigSchema,
  enumThenInvokeMeta,
  enumThenInvokeRule,
  ENUM_THEN_INVOKE_ID,
} from './aws-bedrock-enum-then-invoke-long-term-key/index.ts';
export type { EnumThenInvokeConfig } from './aws-bedrock-enum-then-invoke-long-term-key/index.ts';
export {
  loggingDeletionFactory,
  loggingDeletionConfigSchema,
  loggingDeletionMeta,
  loggingDeletionRule,
  loggingDeletionCall,
  loggingDeletionContent,
  LOGGING_DELETION_ACTION,
  LOGGING_DELETION_ID,
} from './aws-bedrock-logging-deletion/index.ts';
export type { LoggingDeletionConfig } from './aws-bedrock-logging-deletion/index.ts';
export {
  nonAdminDeletionFactory,
  nonAdminDeletionConfigSchema,
  nonAdminDeletionMeta,
  nonAdminDeletionRule,
  adminMatcher,
  DEFAULT_ADMIN_PATTERNS,
  NON_ADMIN_DELETION_ID,
} from './aws-bedrock-logging-deletion-non-admin/index.ts';
export type { NonAdminDeletionConfig } from './aws-bedrock-logging-deletion-non-admin/index.ts';
export {
  listModelsFailuresFactory,
  listModelsFailuresConfigSchema,
  listModelsFailuresMeta,
  listModelsFailuresRule,
  listModelsFailuresGroupBy,
  LIST_MODELS_FAILURES_ID,
} from './aws-bedrock-list-models-failures/index.ts';
export type { ListModelsFailuresConfig } from './aws-bedrock-list-models-failures/index.ts';

export {
  modelAccessFactory,
  modelAccessConfigSchema,
  modelAccessMeta,
  modelAccessRule,
  modelAccessCalls,
  MODEL_ACCESS_ID,
} from './aws-bedrock-model-access-long-term-key/index.ts';
export type { ModelAccessConfig } from './aws-bedrock-model-access-long-term-key/index.ts';
export {
  loggingReconfiguredFactory,
  loggingReconfiguredConfigSchema,
  loggingReconfiguredMeta,
  loggingReconfiguredRule,
  loggingReconfigurationCall,
  LOGGING_RECONFIGURED_ID,
} from './aws-bedrock-logging-reconfigured/index.ts';
export type { LoggingReconfiguredConfig } from './aws-bedrock-logging-reconfigured/index.ts';
export {
  guardrailTamperingFactory,
  guardrailTamperingConfigSchema,
  guardrailTamperingMeta,
  guardrailTamperingRule,
  guardrailChanges,
  GUARDRAIL_TAMPERING_ID,
} from './aws-bedrock-guardrail-tampering/index.ts';
export type { GuardrailTamperingConfig } from './aws-bedrock-guardrail-tampering/index.ts';
export { loggingCheckFactory, loggingCheckConfigSchema, loggingCheckMeta, loggingCheckRule, LOGGING_CHECK_ID } from './aws-bedrock-logging-check-then-invoke/index.ts';
export type { LoggingCheckConfig } from './aws-bedrock-logging-check-then-invoke/index.ts';
export {
  invocationProbingFactory,
  invocationProbingConfigSchema,
  invocationProbingMeta,
  invocationProbingRule,
  INVOCATION_PROBING_ID,
} from './aws-bedrock-invocation-probing/index.ts';
export type { InvocationProbingConfig } from './aws-bedrock-invocation-probing/index.ts';
export { multiRegionFactory, multiRegionConfigSchema, multiRegionMeta, multiRegionRule, MULTI_REGION_ID } from './aws-bedrock-multi-region-invocation/index.ts';
export type { MultiRegionConfig } from './aws-bedrock-multi-region-invocation/index.ts';
export {
  invocationBurstFactory,
  invocationBurstConfigSchema,
  invocationBurstMeta,
  invocationBurstRule,
  INVOCATION_BURST_ID,
} from './aws-bedrock-invocation-burst/index.ts';
export type { InvocationBurstConfig } from './aws-bedrock-invocation-burst/index.ts';
export {
  killChainFactory,
  killChainConfigSchema,
  killChainMeta,
  killChainRule,
  defaultSubsumedRules,
  subsumedFindings,
  stageOf,
  KILL_CHAIN_STAGES,
  STAGE_ACTIONS,
  KILL_CHAIN_ID,
} from './aws-bedrock-llmjacking-kill-chain/index.ts';
export type { KillChainConfig, KillChainStage, SubsumedFinding, SubsumedRules } from './aws-bedrock-llmjacking-kill-chain/index.ts';
export { bedrockPackFactory, bedrockPackConfigSchema, bedrockPackMeta, BEDROCK_PACK_ID } from './aws-bedrock/index.ts';
export type { BedrockPackConfig, BedrockRuleId } from './aws-bedrock/index.ts';

/**
 * The twelve Bedrock rule factories, each a detector type of its own —
 * what to create when every rule should run once.
 *
 * @example `const detectors = bedrockDetectors.map((f) => f.create(f.configSchema.parse({}), context));`
 */
export const bedrockDetectors: readonly DetectorFactory[] = BEDROCK_RULES;

/**
 * Everything this package registers: the twelve rules and the `aws-bedrock`
 * pack that runs them all from one config entry.
 *
 * @example `for (const factory of bedrockComponents) registry.register(factory, '@jackwatch/detectors');`
 */
export const bedrockComponents: readonly DetectorFactory[] = [...BEDROCK_RULES, bedrockPackFactory];
