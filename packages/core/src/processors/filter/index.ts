export { filterProcessorFactory } from './factory.ts';
export { FilterProcessor } from './filter-processor.ts';
export { filterConfigSchema, filterRuleSchema } from './config.ts';
export type { FilterConfig } from './config.ts';
