export { modelAccessFactory } from './factory.ts';
export { modelAccessConfigSchema } from './config.ts';
export type { ModelAccessConfig } from './config.ts';
export { modelAccessMeta, MODEL_ACCESS_ID } from './meta.ts';
export { modelAccessRule, modelAccessCalls } from './rule.ts';
