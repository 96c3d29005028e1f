export { loggingDeletionFactory } from './factory.ts';
export { loggingDeletionConfigSchema } from './config.ts';
export type { LoggingDeletionConfig } from './config.ts';
export { loggingDeletionMeta, LOGGING_DELETION_ID } from './meta.ts';
export { loggingDeletionRule, loggingDeletionCall, loggingDeletionContent, LOGGING_DELETION_ACTION } from './rule.ts';
