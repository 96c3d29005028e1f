/**
 * `@jackwatch/sigma` — Sigma rules and Sigma correlation rules for AWS
 * CloudTrail as jackwatch detectors, run on the stream in event time.
 *
 * @packageDocumentation
 */
export { sigmaDetectorFactory, createSigmaBundle } from './detector/factory.ts';
export { sigmaConfigSchema } from './detector/config.ts';
export type { SigmaConfig } from './detector/config.ts';
export { SIGMA_TYPE, sigmaBundleMeta } from './detector/bundle-meta.ts';
export { loadRuleSet, displayFile, MAX_RULE_FILE_BYTES } from './rules/load-rule-set.ts';
export type { LoadRuleSetOptions, SigmaRuleSet, LoadedRule, LoadedCorrelation } from './rules/load-rule-set.ts';
export type { RuleEntry, RuleStatus } from './rules/rule-entry.ts';
export { ruleFilterSchema } from './rules/rule-filter.ts';
export type { RuleFilter } from './rules/rule-filter.ts';
export { SUPPORTED_MODIFIERS, UNSUPPORTED_MODIFIERS } from './values/modifiers.ts';
export { RISK_BY_LEVEL, DEFAULT_LEVEL } from './finding/rule-meta.ts';
export { windowCount } from './correlation/window-count.ts';
export type { WindowCountSpec, WindowFiring } from './correlation/window-count.ts';

import type { DetectorFactory } from '@jackwatch/core';
import { sigmaDetectorFactory } from './detector/factory.ts';

/**
 * The package's detector factories, to register at once.
 *
 * @example `for (const factory of sigmaDetectors) registry.register(factory, '@jackwatch/sigma');`
 */
export const sigmaDetectors: readonly DetectorFactory[] = [sigmaDetectorFactory];
