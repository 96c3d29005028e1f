import type { DetectorFactory } from '@jackwatch/core';
import { enumThenInvokeFactory } from '../aws-bedrock-enum-then-invoke-long-term-key/factory.ts';
import { guardrailTamperingFactory } from '../aws-bedrock-guardrail-tampering/factory.ts';
import { invocationBurstFactory } from '../aws-bedrock-invocation-burst/factory.ts';
import { invocationProbingFactory } from '../aws-bedrock-invocation-probing/factory.ts';
import { listModelsFailuresFactory } from '../aws-bedrock-list-models-failures/factory.ts';
import { killChainFactory } from '../aws-bedrock-llmjacking-kill-chain/factory.ts';
import { loggingCheckFactory } from '../aws-bedrock-logging-check-then-invoke/factory.ts';
import { loggingDeletionFactory } from '../aws-bedrock-logging-deletion/factory.ts';
import { nonAdminDeletionFactory } from '../aws-bedrock-logging-deletion-non-admin/factory.ts';
import { loggingReconfiguredFactory } from '../aws-bedrock-logging-reconfigured/factory.ts';
import { modelAccessFactory } from '../aws-bedrock-model-access-long-term-key/factory.ts';
import { multiRegionFactory } from '../aws-bedrock-multi-region-invocation/factory.ts';

/** The twelve Bedrock rules, each a detector type of its own, in the order the pack runs them. */
export const BEDROCK_RULES: readonly DetectorFactory<any>[] = [
  enumThenInvokeFactory,
  loggingDeletionFactory,
  nonAdminDeletionFactory,
  listModelsFailuresFactory,
  modelAccessFactory,
  loggingReconfiguredFactory,
  guardrailTamperingFactory,
  loggingCheckFactory,
  invocationProbingFactory,
  multiRegionFactory,
  invocationBurstFactory,
  killChainFactory,
];
