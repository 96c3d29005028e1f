import { z } from 'zod';

/**
 * Options of `aws-bedrock-logging-reconfigured`: none of its own (every
 * attempt counts); `suppress` and `exceptions` apply as to every detector.
 */
export const loggingReconfiguredConfigSchema = z.strictObject({});

/** Parsed options of `aws-bedrock-logging-reconfigured`. */
export type LoggingReconfiguredConfig = z.output<typeof loggingReconfiguredConfigSchema>;
