export { multiRegionFactory } from './factory.ts';
export { multiRegionConfigSchema } from './config.ts';
export type { MultiRegionConfig } from './config.ts';
export { multiRegionMeta, MULTI_REGION_ID } from './meta.ts';
export { multiRegionRule } from './rule.ts';
