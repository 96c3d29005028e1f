import { z } from 'zod';

/**
 * Options of `aws-bedrock-guardrail-tampering`: none of its own;
 * `suppress` and `exceptions` apply as to every detector.
 */
export const guardrailTamperingConfigSchema = z.strictObject({});

/** Parsed options of `aws-bedrock-guardrail-tampering`. */
export type GuardrailTamperingConfig = z.output<typeof guardrailTamperingConfigSchema>;
