import { ConfigError, detectorBundle, type BundleMember, type Interest, type ComponentContext, type DetectorBundle, type DetectorFactory } from '@jackwatch/core';
import { correlationDetector } from '../correlation/correlation-detector.ts';
import { loadRuleSet, type SigmaRuleSet } from '../rules/load-rule-set.ts';
import { SIGMA_TYPE, sigmaBundleMeta } from './bundle-meta.ts';
import { sigmaConfigSchema, type SigmaConfig } from './config.ts';
import { ruleDetector } from './rule-detector.ts';

/**
 * The `sigma` detector type: loads the Sigma rules named by `rules` and runs
 * each as a detector of its own inside one bundle (own id in findings, own
 * suppression and exceptions, routed by its own interest). Invalid and
 * skipped rules are logged as warnings (with `strict: true`, they stop the
 * start); a rules entry that matches no file is a config error. A rule that
 * can match events of any source is logged too: it turns the prefilter off
 * (one that tests event names of any source makes it parse every record).
 */
export const sigmaDetectorFactory: DetectorFactory<SigmaConfig> = {
  kind: 'detector',
  type: SIGMA_TYPE,
  stability: 'alpha',
  description: 'Sigma rules and correlation rules for CloudTrail, in event time',
  configSchema: sigmaConfigSchema,
  create: (config, context) => createSigmaBundle(config, context),
};

/** Builds the bundle of one `sigma` config entry (see {@link sigmaDetectorFactory}). */
export function createSigmaBundle(config: SigmaConfig, context: ComponentContext): DetectorBundle {
  const set = loadRuleSet(config.rules, { baseDir: context.baseDir, include: config.include, exclude: config.exclude });
  const path = ['detectors', context.id, 'rules'];
  if (set.problems.length > 0) {
    throw new ConfigError(set.problems.map((message) => ({ file: undefined, path, line: undefined, column: undefined, message })));
  }
  reportRules(set, config, context);
  const members: BundleMember[] = [
    ...set.rules.flatMap((rule) => (rule.memberId === undefined ? [] : [{ id: rule.memberId, detector: ruleDetector({ ...rule, memberId: rule.memberId }, context.telemetry) }])),
    ...set.correlations.map((correlation) => ({ id: correlation.memberId, detector: correlationDetector(correlation, context.telemetry) })),
  ];
  return detectorBundle(sigmaBundleMeta, members);
}

function reportRules(set: SigmaRuleSet, config: SigmaConfig, context: ComponentContext): void {
  const failed = set.entries.filter((entry) => entry.status === 'invalid' || (entry.status === 'skipped' && !entry.reasons.every((r) => r.startsWith('excluded: '))));
  if (config.strict && failed.length > 0) {
    const path = ['detectors', context.id, 'rules'];
    throw new ConfigError(
      failed.flatMap((entry) => entry.reasons.map((message) => ({ file: undefined, path, line: undefined, column: undefined, message: `${entry.status} rule: ${message}` }))),
    );
  }
  for (const entry of failed) {
    for (const reason of entry.reasons) context.logger.warn(`sigma rule ${entry.status}: ${reason.includes(entry.file) ? reason : `${entry.file}:${entry.line}: ${reason}`}`);
  }
  for (const entry of set.entries) {
    if (entry.memberId !== undefined && entry.interest === 'all') {
      context.logger.warn(`sigma rule "${entry.memberId}" (${entry.file}:${entry.line}) can match events of any source: the prefilter is off for its pipeline`);
    } else if (entry.memberId !== undefined && namesOfAnySource(entry.interest)) {
      context.logger.info(`sigma rule "${entry.memberId}" (${entry.file}:${entry.line}) matches event names of any source: the prefilter parses every record of its pipeline`);
    }
  }
  const loaded = set.entries.filter((entry) => entry.memberId !== undefined).length;
  context.logger.info(`sigma: ${loaded} rule(s) loaded, ${failed.length} skipped or invalid`);
}

function namesOfAnySource(interest: Interest | undefined): boolean {
  return interest !== undefined && interest !== 'all' && interest.some((selector) => selector.eventSource === undefined);
}
