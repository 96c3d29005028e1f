import { z } from 'zod';
import { positiveDuration } from '../internal/positive-duration.ts';

/**
 * Options of `aws-bedrock-invocation-burst`.
 *
 * @example `detectors: { aws-bedrock-invocation-burst: { threshold: 1000 } }`
 */
export const invocationBurstConfigSchema = z.strictObject({
  /** Sliding event-time window (default 1h). */
  window: positiveDuration('1h'),
  /** Fires when a window holds more than this many successful invocations of one model by one principal (default 500). */
  threshold: z.number().int().min(0).default(500),
});

/** Parsed options of `aws-bedrock-invocation-burst` (`window` in ms). */
export type InvocationBurstConfig = z.output<typeof invocationBurstConfigSchema>;
