import type { ProcessorFactory } from '../../component/factory.ts';
import { filterConfigSchema, type FilterConfig } from './config.ts';
import { FilterProcessor } from './filter-processor.ts';

/** The `filter` processor: keep or drop events by field conditions (equals, glob, CIDR). */
export const filterProcessorFactory: ProcessorFactory<FilterConfig> = {
  kind: 'processor',
  type: 'filter',
  stability: 'beta',
  description: 'Keeps or drops events by conditions on record fields (equals, glob, CIDR), before detection',
  configSchema: filterConfigSchema,
  create: (config, context) => new FilterProcessor(config, context),
};
