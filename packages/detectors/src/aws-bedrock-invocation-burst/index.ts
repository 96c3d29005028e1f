export { invocationBurstFactory } from './factory.ts';
export { invocationBurstConfigSchema } from './config.ts';
export type { InvocationBurstConfig } from './config.ts';
export { invocationBurstMeta, INVOCATION_BURST_ID } from './meta.ts';
export { invocationBurstRule } from './rule.ts';
