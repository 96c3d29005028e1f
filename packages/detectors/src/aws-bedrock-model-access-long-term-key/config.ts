import { z } from 'zod';

/**
 * Options of `aws-bedrock-model-access-long-term-key`: none of its own (every
 * call counts, whatever its outcome); `suppress` and `exceptions` apply as to
 * every detector.
 */
export const modelAccessConfigSchema = z.strictObject({});

/** Parsed options of `aws-bedrock-model-access-long-term-key`. */
export type ModelAccessConfig = z.output<typeof modelAccessConfigSchema>;
