export { loggingCheckFactory } from './factory.ts';
export { loggingCheckConfigSchema } from './config.ts';
export type { LoggingCheckConfig } from './config.ts';
export { loggingCheckMeta, LOGGING_CHECK_ID } from './meta.ts';
export { loggingCheckRule } from './rule.ts';
