import { z } from 'zod';
import { positiveDuration } from '../internal/positive-duration.ts';

/**
 * Options of `aws-bedrock-invocation-probing`.
 *
 * @example `detectors: { aws-bedrock-invocation-probing: { window: 10m, minModels: 3 } }`
 */
export const invocationProbingConfigSchema = z.strictObject({
  /** Sliding event-time window (default 10m). */
  window: positiveDuration('10m'),
  /** Fires when a window holds refused invocations of at least this many distinct models (default 3). */
  minModels: z.number().int().min(1).default(3),
  /** Error codes that count, compared case-insensitively (default ValidationException: the request was refused for its parameters). */
  errorCodes: z.array(z.string().min(1)).min(1).default(['ValidationException']),
});

/** Parsed options of `aws-bedrock-invocation-probing` (`window` in ms). */
export type InvocationProbingConfig = z.output<typeof invocationProbingConfigSchema>;
