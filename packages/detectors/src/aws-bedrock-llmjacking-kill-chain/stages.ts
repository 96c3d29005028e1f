import { actionMatcher, type TrailEvent } from '@jackwatch/core';
import { INVOCATION_ACTIONS } from '../internal/bedrock.ts';

/** The four stages of the LLMjacking playbook, in the order attackers go through them. */
export const KILL_CHAIN_STAGES = ['discovery', 'logging check', 'enablement', 'invocation'] as const;

/** One stage of {@link KILL_CHAIN_STAGES}. */
export type KillChainStage = (typeof KILL_CHAIN_STAGES)[number];

/** The Bedrock calls of each stage. Stages 1–3 count with any outcome; an invocation only when it succeeded. */
export const STAGE_ACTIONS: Readonly<Record<KillChainStage, readonly string[]>> = {
  discovery: ['ListFoundationModels', 'GetFoundationModelAvailability', 'ListFoundationModelAgreementOffers', 'ListInferenceProfiles'],
  'logging check': ['GetModelInvocationLoggingConfiguration'],
  enablement: ['PutUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'PutFoundationModelEntitlement'],
  invocation: INVOCATION_ACTIONS,
};

const tests = KILL_CHAIN_STAGES.map((stage) => [stage, actionMatcher(STAGE_ACTIONS[stage])] as const);

/** The stage a Bedrock call plays (names compared case-insensitively), or `undefined`: a failed invocation plays none. */
export function stageOf(event: TrailEvent): KillChainStage | undefined {
  for (const [stage, named] of tests) {
    if (!named(event.action)) continue;
    return stage === 'invocation' && event.outcome !== 'success' ? undefined : stage;
  }
  return undefined;
}
