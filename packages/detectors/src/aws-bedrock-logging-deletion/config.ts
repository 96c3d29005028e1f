import { z } from 'zod';

/**
 * Options of `aws-bedrock-logging-deletion`: none of its own (every attempt
 * counts); `suppress` and `exceptions` apply as to every detector.
 */
export const loggingDeletionConfigSchema = z.strictObject({});

/** Parsed options of `aws-bedrock-logging-deletion`. */
export type LoggingDeletionConfig = z.output<typeof loggingDeletionConfigSchema>;
