import { z } from 'zod';
import { positiveDuration } from '../internal/positive-duration.ts';

/**
 * Options of `aws-bedrock-logging-check-then-invoke`.
 *
 * @example `detectors: { aws-bedrock-logging-check-then-invoke: { maxSpan: 2h } }`
 */
export const loggingCheckConfigSchema = z.strictObject({
  /** Longest time from the logging check to the invocation, inclusive (default 1h). */
  maxSpan: positiveDuration('1h'),
});

/** Parsed options of `aws-bedrock-logging-check-then-invoke` (`maxSpan` in ms). */
export type LoggingCheckConfig = z.output<typeof loggingCheckConfigSchema>;
