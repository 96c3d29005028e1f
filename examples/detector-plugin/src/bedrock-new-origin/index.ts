export { newOriginFactory } from './factory.ts';
export { newOriginConfigSchema } from './config.ts';
export type { NewOriginConfig } from './config.ts';
export { newOriginMeta, NEW_ORIGIN_ID } from './meta.ts';
export { newOriginRule, userAgentProduct } from './rule.ts';
