import { match, type Detector, type Telemetry } from '@jackwatch/core';
import { describeEvent, eventFacts, eventGroup } from '../finding/event-facts.ts';
import { ruleFacts } from '../finding/rule-facts.ts';
import { ruleMeta } from '../finding/rule-meta.ts';
import type { LoadedRule } from '../rules/load-rule-set.ts';
import { toInterest } from '../detection/selection-set.ts';

/**
 * A plain Sigma rule as a `match` detector: one finding per matching event,
 * anchored on it. `select` is the interest derived from the rule, `where`
 * the rule's whole condition on the raw record.
 */
export function ruleDetector(rule: LoadedRule & { readonly memberId: string }, telemetry?: Telemetry): Detector {
  const meta = ruleMeta(rule.memberId, rule.header, rule.origin);
  const test = rule.detection.test;
  const facts = ruleFacts(rule);
  return match({
    meta,
    id: rule.memberId,
    ...(telemetry === undefined ? {} : { telemetry }),
    select: toInterest(rule.detection.selection),
    where: (event) => test(event.raw),
    finding: (event) => ({
      group: eventGroup(event),
      summary: `${rule.header.title}: ${describeEvent(event)}`,
      details: { rule: facts, event: eventFacts(event) },
    }),
  });
}
