export { guardrailTamperingFactory } from './factory.ts';
export { guardrailTamperingConfigSchema } from './config.ts';
export type { GuardrailTamperingConfig } from './config.ts';
export { guardrailTamperingMeta, GUARDRAIL_TAMPERING_ID } from './meta.ts';
export { guardrailTamperingRule, guardrailChanges } from './rule.ts';
