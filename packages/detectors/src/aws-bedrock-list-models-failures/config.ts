import { z } from 'zod';
import { positiveDuration } from '../internal/positive-duration.ts';

/**
 * Options of `aws-bedrock-list-models-failures`.
 *
 * @example `detectors: { aws-bedrock-list-models-failures: { window: 30m, threshold: 4 } }`
 */
export const listModelsFailuresConfigSchema = z.strictObject({
  /** Sliding event-time window (default 1h). Any `threshold + 1` failures inside any such span fire. */
  window: positiveDuration('1h'),
  /** Fires when a group has more than this many failures in one window (default 9, Splunk's `count > 9`). */
  threshold: z.number().int().min(0).default(9),
  /** Error codes that count as failures, compared case-insensitively. */
  errorCodes: z.array(z.string().min(1)).min(1).default(['AccessDenied', 'AccessDeniedException']),
});

/** Parsed options of `aws-bedrock-list-models-failures` (`window` in ms). */
export type ListModelsFailuresConfig = z.output<typeof listModelsFailuresConfigSchema>;
