export { bedrockPackFactory } from './factory.ts';
export { bedrockPackConfigSchema } from './config.ts';
export type { BedrockPackConfig, BedrockRuleId } from './config.ts';
export { bedrockPackMeta, BEDROCK_PACK_ID } from './meta.ts';
export { BEDROCK_RULES } from './rules.ts';
