import type { AttackMapping, AttackReference, DetectorMeta } from '@jackwatch/core';
import { enumThenInvokeMeta } from '../aws-bedrock-enum-then-invoke-long-term-key/meta.ts';
import { guardrailTamperingMeta } from '../aws-bedrock-guardrail-tampering/meta.ts';
import { invocationBurstMeta } from '../aws-bedrock-invocation-burst/meta.ts';
import { invocationProbingMeta } from '../aws-bedrock-invocation-probing/meta.ts';
import { listModelsFailuresMeta } from '../aws-bedrock-list-models-failures/meta.ts';
import { killChainMeta } from '../aws-bedrock-llmjacking-kill-chain/meta.ts';
import { loggingCheckMeta } from '../aws-bedrock-logging-check-then-invoke/meta.ts';
import { loggingDeletionMeta } from '../aws-bedrock-logging-deletion/meta.ts';
import { nonAdminDeletionMeta } from '../aws-bedrock-logging-deletion-non-admin/meta.ts';
import { loggingReconfiguredMeta } from '../aws-bedrock-logging-reconfigured/meta.ts';
import { modelAccessMeta } from '../aws-bedrock-model-access-long-term-key/meta.ts';
import { multiRegionMeta } from '../aws-bedrock-multi-region-invocation/meta.ts';

/** Detector type of the pack (semantics in its README). */
export const BEDROCK_PACK_ID = 'aws-bedrock';

const ruleMetas: readonly DetectorMeta[] = [
  enumThenInvokeMeta,
  loggingDeletionMeta,
  nonAdminDeletionMeta,
  listModelsFailuresMeta,
  modelAccessMeta,
  loggingReconfiguredMeta,
  guardrailTamperingMeta,
  loggingCheckMeta,
  invocationProbingMeta,
  multiRegionMeta,
  invocationBurstMeta,
  killChainMeta,
];

function union<T>(lists: readonly (readonly T[])[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

const attack: AttackMapping = {
  tactics: union<AttackReference>(ruleMetas.map((m) => m.attack.tactics), (t) => t.id),
  techniques: union<AttackReference>(ruleMetas.map((m) => m.attack.techniques), (t) => t.id),
};

/**
 * What the pack is, for `jackwatch components` and tools. Its findings are
 * its rules': each carries its own rule's meta, never this one.
 */
export const bedrockPackMeta: DetectorMeta = {
  id: BEDROCK_PACK_ID,
  title: 'AWS Bedrock LLMjacking pack',
  version: '1.0.0',
  description:
    'The twelve Bedrock rules in one config entry: model enumeration and access checks with long-term keys, invocation ' +
    'logging deleted, reconfigured or checked, guardrails removed, invocation probing, bursts and multi-region use, ' +
    'and the kill chain that ties them together. Every rule runs as a detector of its own, with its own id.',
  severity: 'critical',
  riskScore: Math.max(...ruleMetas.map((m) => m.riskScore)),
  attack,
  references: union<string>(ruleMetas.map((m) => m.references), (r) => r),
  tags: union<string>(ruleMetas.map((m) => m.tags), (t) => t),
  falsePositives: ['Each rule lists its own; every finding carries its rule\'s.'],
  investigation: 'Each finding carries its own rule\'s investigation guide. Start with an `aws-bedrock-llmjacking-kill-chain` finding: `details.subsumes` names the other findings of the same story.',
};
