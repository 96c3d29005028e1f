export { enumThenInvokeFactory } from './factory.ts';
export { enumThenInvokeConfigSchema } from './config.ts';
export type { EnumThenInvokeConfig } from './config.ts';
export { enumThenInvokeMeta, ENUM_THEN_INVOKE_ID } from './meta.ts';
export { enumThenInvokeRule } from './rule.ts';
