export { killChainFactory, defaultSubsumedRules } from './factory.ts';
export { killChainConfigSchema } from './config.ts';
export type { KillChainConfig } from './config.ts';
export { killChainMeta, KILL_CHAIN_ID } from './meta.ts';
export { killChainRule } from './rule.ts';
export { KILL_CHAIN_STAGES, STAGE_ACTIONS, stageOf } from './stages.ts';
export type { KillChainStage } from './stages.ts';
export { subsumedFindings } from './subsumed-findings.ts';
export type { SubsumedFinding, SubsumedRules } from './subsumed-findings.ts';
