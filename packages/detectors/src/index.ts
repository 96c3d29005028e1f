/**
 * `@jackwatch/detectors` — the Bedrock LLMjacking rules, each a short
 * declaration on the `@jackwatch/core` detection primitives.
 *
 * @packageDocumentation
 */
import type { DetectorFactory } from '@jackwatch/core';
import { enumThenInvokeFactory } from './aws-bedrock-enum-then-invoke-long-term-key/index.ts';
import { listModelsFailuresFactory } from './aws-bedrock-list-models-failures/index.ts';
import { loggingDeletionFactory } from './aws-bedrock-logging-deletion/index.ts';
import { nonAdminDeletionFactory } from './aws-bedrock-logging-deletion-non-admin/index.ts';

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

/**
 * The four Bedrock detector factories, to register at once.
 *
 * @example `for (const factory of bedrockDetectors) registry.register(factory, '@jackwatch/detectors');`
 */
export const bedrockDetectors: readonly DetectorFactory[] = [
  enumThenInvokeFactory,
  loggingDeletionFactory,
  nonAdminDeletionFactory,
  listModelsFailuresFactory,
];
