export { listModelsFailuresFactory } from './factory.ts';
export { listModelsFailuresConfigSchema } from './config.ts';
export type { ListModelsFailuresConfig } from './config.ts';
export { listModelsFailuresMeta, LIST_MODELS_FAILURES_ID } from './meta.ts';
export { listModelsFailuresRule, listModelsFailuresGroupBy } from './rule.ts';
