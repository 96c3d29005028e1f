import { z } from 'zod';
import { positiveDuration } from '../internal/positive-duration.ts';

/**
 * Options of `aws-bedrock-enum-then-invoke-long-term-key`.
 *
 * @example `detectors: { aws-bedrock-enum-then-invoke-long-term-key: { maxSpan: 30m } }`
 */
export const enumThenInvokeConfigSchema = z.strictObject({
  /** Longest time from the enumeration to the invocation, inclusive (default 15m, as Elastic's `maxspan`). */
  maxSpan: positiveDuration('15m'),
});

/** Parsed options of `aws-bedrock-enum-then-invoke-long-term-key` (`maxSpan` in ms). */
export type EnumThenInvokeConfig = z.output<typeof enumThenInvokeConfigSchema>;
