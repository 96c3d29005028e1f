import { z } from 'zod';
import { positiveDuration } from '../internal/positive-duration.ts';

/**
 * Options of `aws-bedrock-llmjacking-kill-chain`.
 *
 * @example `detectors: { aws-bedrock-llmjacking-kill-chain: { window: 24h, minStages: 3 } }`
 */
export const killChainConfigSchema = z.strictObject({
  /** Sliding event-time window (default 24h). */
  window: positiveDuration('24h'),
  /** Fires when a window holds at least this many of the four stages (default 3). */
  minStages: z.number().int().min(2).max(4).default(3),
});

/** Parsed options of `aws-bedrock-llmjacking-kill-chain` (`window` in ms). */
export type KillChainConfig = z.output<typeof killChainConfigSchema>;
