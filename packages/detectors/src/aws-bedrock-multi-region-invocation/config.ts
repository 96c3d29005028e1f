import { z } from 'zod';
import { positiveDuration } from '../internal/positive-duration.ts';

/**
 * Options of `aws-bedrock-multi-region-invocation`.
 *
 * @example `detectors: { aws-bedrock-multi-region-invocation: { window: 1h, minRegions: 3 } }`
 */
export const multiRegionConfigSchema = z.strictObject({
  /** Sliding event-time window (default 1h). */
  window: positiveDuration('1h'),
  /** Fires when a window holds successful invocations in at least this many distinct regions (default 3). */
  minRegions: z.number().int().min(2).default(3),
});

/** Parsed options of `aws-bedrock-multi-region-invocation` (`window` in ms). */
export type MultiRegionConfig = z.output<typeof multiRegionConfigSchema>;
