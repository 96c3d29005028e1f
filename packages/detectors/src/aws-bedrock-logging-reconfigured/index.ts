export { loggingReconfiguredFactory } from './factory.ts';
export { loggingReconfiguredConfigSchema } from './config.ts';
export type { LoggingReconfiguredConfig } from './config.ts';
export { loggingReconfiguredMeta, LOGGING_RECONFIGURED_ID } from './meta.ts';
export { loggingReconfiguredRule, loggingReconfigurationCall } from './rule.ts';
