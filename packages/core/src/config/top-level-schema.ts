import { z } from 'zod';
import { emptyAsDefault } from './empty-as-default.ts';
import { serviceSchema } from './service-schema.ts';

// Component options and pipelines are checked one by one afterwards, so that
// a mistake in one does not hide the mistakes in the others.
const idMap = emptyAsDefault(z.record(z.string().min(1), z.unknown()).default({}));

/**
 * The schema of each top-level key of the config file. They are applied key
 * by key (an unknown top-level key is an error), so every section is
 * checked even when another one is wrong.
 */
export const topLevelSchemas = {
  plugins: emptyAsDefault(z.array(z.string().min(1)).default([])),
  service: emptyAsDefault(serviceSchema.prefault({})),
  sources: idMap,
  processors: idMap,
  detectors: idMap,
  sinks: idMap,
  pipelines: z
    .record(z.string().min(1), z.unknown())
    .refine((pipelines) => Object.keys(pipelines).length > 0, 'define at least one pipeline'),
} as const;

/** The top-level keys of a config file. */
export const TOP_LEVEL_KEYS = Object.keys(topLevelSchemas) as (keyof typeof topLevelSchemas)[];

/** The component sections and the kind each holds, in the order they are resolved. */
export const COMPONENT_SECTIONS = [
  { section: 'sources', kind: 'source' },
  { section: 'processors', kind: 'processor' },
  { section: 'detectors', kind: 'detector' },
  { section: 'sinks', kind: 'sink' },
] as const;
