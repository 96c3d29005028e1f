import type { TrailEvent } from '@jackwatch/core';
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

// The exact spelling first, then any case: one map lookup for the usual call (the primitive asks again
// for every event it keeps, so this runs several times per event).
const exact = new Map<string, KillChainStage>();
const lower = new Map<string, KillChainStage>();
for (const stage of KILL_CHAIN_STAGES) {
  for (const action of STAGE_ACTIONS[stage]) {
    exact.set(action, stage);
    lower.set(action.toLowerCase(), stage);
  }
}

/** The stage a Bedrock call plays (names compared case-insensitively), or `undefined`: a failed invocation plays none. */
export function stageOf(event: TrailEvent): KillChainStage | undefined {
  const stage = exact.get(event.action) ?? lower.get(event.action.toLowerCase());
  return stage === 'invocation' && event.outcome !== 'success' ? undefined : stage;
}
