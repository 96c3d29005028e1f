import { z } from 'zod';
import { evidenceModeSchema } from '../detection/policy-schema.ts';
import { durationSchema } from './duration.ts';
import { emptyAsDefault } from './empty-as-default.ts';

const ids = z.array(z.string().min(1));

/** The default `allowedLateness` of a pipeline. */
export const DEFAULT_ALLOWED_LATENESS = '15m';

/**
 * One pipeline: which components it wires together, and its event-time
 * settings. References to component ids are checked against the sections
 * by `resolveConfig`, not here.
 */
export const pipelineSchema = z.strictObject({
  sources: ids.min(1, 'a pipeline needs at least one source'),
  processors: emptyAsDefault(ids.default([])),
  detectors: ids.min(1, 'a pipeline needs at least one detector'),
  sinks: ids.min(1, 'a pipeline needs at least one sink'),
  /** The watermark is the maximum event time seen minus this. */
  allowedLateness: durationSchema.prefault(DEFAULT_ALLOWED_LATENESS),
  /** Sort events within `lateness` (default: `allowedLateness`) before the detectors. */
  ordering: z.strictObject({ lateness: durationSchema.optional() }).optional(),
  /** What the pipeline's detectors keep of the events they hold, unless a detector sets its own `evidence`. */
  evidence: evidenceModeSchema.default('full'),
});

/** Parsed {@link pipelineSchema}. */
export type PipelineSection = z.output<typeof pipelineSchema>;
