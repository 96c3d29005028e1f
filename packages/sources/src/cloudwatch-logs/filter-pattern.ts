import type { EventSelector, Interest } from '@jackwatch/core';
import { FILTER_PATTERN_MAX_LENGTH } from './config.ts';

// Only values that need no escaping are pushed down; anything else widens the filter, never narrows it.
const EVENT_SOURCE = /^[a-z0-9][a-z0-9.-]*$/;
// CloudTrail writes eventName in its canonical PascalCase; CloudWatch compares case-sensitively.
const CANONICAL_EVENT_NAME = /^[A-Z][A-Za-z0-9_]*$/;

/**
 * Derives the CloudWatch Logs filter pattern that selects exactly the
 * CloudTrail records the downstream detectors can match, so CloudWatch sends
 * only those:
 * - one source, any action: `{ $.eventSource = "bedrock.amazonaws.com" }`;
 * - one source, some actions: `{ ($.eventSource = "x") && ($.eventName = "a" || $.eventName = "b") }`;
 * - several sources: those clauses in parentheses, joined by `||`.
 *
 * The pattern never drops an event a detector could match: when the interest
 * is `'all'` or empty, when an event source would need escaping, or when even
 * source-only clauses exceed CloudWatch's 1024 characters, it is `''` (read
 * everything). An event name that is not in CloudTrail's PascalCase (detectors
 * compare names case-insensitively, CloudWatch does not) widens its source's
 * clause to every action; so does a pattern over the length limit.
 *
 * @example filterPatternFor([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }])
 *   // '{ ($.eventSource = "bedrock.amazonaws.com") && ($.eventName = "InvokeModel") }'
 */
export function filterPatternFor(interest: Interest): string {
  if (interest === 'all' || interest.length === 0) return '';
  const bySource = actionsBySource(interest);
  if ([...bySource.keys()].some((source) => !EVENT_SOURCE.test(source))) return '';
  const precise = render(bySource, true);
  if (precise.length <= FILTER_PATTERN_MAX_LENGTH) return precise;
  const sourcesOnly = render(bySource, false);
  return sourcesOnly.length <= FILTER_PATTERN_MAX_LENGTH ? sourcesOnly : '';
}

/**
 * The pattern to push down: the configured `filterPattern` when set (`''`
 * reads everything), else the one derived from the interest.
 */
export function effectiveFilterPattern(configured: string | undefined, interest: Interest): string {
  return configured !== undefined ? configured.trim() : filterPatternFor(interest);
}

/** Event source → its selected actions, or `undefined` for every action. */
function actionsBySource(selectors: readonly EventSelector[]): Map<string, Set<string> | undefined> {
  const bySource = new Map<string, Set<string> | undefined>();
  for (const { eventSource, eventNames } of selectors) {
    const known = bySource.get(eventSource);
    if (bySource.has(eventSource) && known === undefined) continue;
    if (eventNames === undefined || eventNames.length === 0 || !eventNames.every((name) => CANONICAL_EVENT_NAME.test(name))) {
      bySource.set(eventSource, undefined);
      continue;
    }
    bySource.set(eventSource, new Set([...(known ?? []), ...eventNames]));
  }
  return bySource;
}

function render(bySource: ReadonlyMap<string, ReadonlySet<string> | undefined>, withActions: boolean): string {
  const clauses = [...bySource.keys()].sort().map((source) => {
    const actions = withActions ? bySource.get(source) : undefined;
    const sourceTest = `$.eventSource = "${source}"`;
    if (actions === undefined) return sourceTest;
    return `(${sourceTest}) && (${[...actions].sort().map((name) => `$.eventName = "${name}"`).join(' || ')})`;
  });
  return clauses.length === 1 ? `{ ${clauses[0]} }` : `{ ${clauses.map((clause) => `(${clause})`).join(' || ')} }`;
}
