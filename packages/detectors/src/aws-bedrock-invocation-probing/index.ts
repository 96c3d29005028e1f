export { invocationProbingFactory } from './factory.ts';
export { invocationProbingConfigSchema } from './config.ts';
export type { InvocationProbingConfig } from './config.ts';
export { invocationProbingMeta, INVOCATION_PROBING_ID } from './meta.ts';
export { invocationProbingRule } from './rule.ts';
