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
 * - some actions of any source: `{ ($.eventName = "a" || $.eventName = "b") }`;
 * - several of those: each clause in parentheses, joined by `||`.
 *
 * The pattern never drops an event a detector could match: when the interest
 * is `'all'` or empty, when an event source would need escaping, or when even
 * source-only clauses exceed CloudWatch's 1024 characters, it is `''` (read
 * everything). An event name that is not in CloudTrail's PascalCase (detectors
 * compare names case-insensitively, CloudWatch does not) widens its source's
 * clause to every action; so does a pattern over the length limit. Names
 * selected whatever their source cannot be widened that way: when one is not
 * in PascalCase, or the pattern is too long, the pattern is `''`.
 *
 * @example filterPatternFor([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }])
 *   // '{ ($.eventSource = "bedrock.amazonaws.com") && ($.eventName = "InvokeModel") }'
 */
export function filterPatternFor(interest: Interest): string {
  if (interest === 'all' || interest.length === 0) return '';
  const bySource = actionsBySource(interest);
  if ([...bySource.keys()].some((source) => !EVENT_SOURCE.test(source))) return '';
  const anySource = actionsOfAnySource(interest);
  if (anySource === 'every') return '';
  const precise = render(bySource, anySource, true);
  if (precise.length <= FILTER_PATTERN_MAX_LENGTH) return precise;
  if (anySource.size > 0) return '';
  const sourcesOnly = render(bySource, anySource, false);
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
    if (eventSource === undefined) continue;
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

/** The actions selected whatever their source; `'every'` when one cannot be pushed down (so nothing can be filtered). */
function actionsOfAnySource(selectors: readonly EventSelector[]): Set<string> | 'every' {
  const names = new Set<string>();
  for (const selector of selectors) {
    if (selector.eventSource !== undefined) continue;
    if (selector.eventNames.some((name) => !CANONICAL_EVENT_NAME.test(name))) return 'every';
    for (const name of selector.eventNames) names.add(name);
  }
  return names;
}

function render(bySource: ReadonlyMap<string, ReadonlySet<string> | undefined>, anySource: ReadonlySet<string>, withActions: boolean): string {
  const anyAction = [...anySource].sort().map((name) => `$.eventName = "${name}"`);
  const named = anyAction.length === 0 ? [] : [anyAction.length === 1 ? anyAction[0]! : `(${anyAction.join(' || ')})`];
  const clauses = [...bySource.keys()].sort().map((source) => {
    const actions = withActions ? bySource.get(source) : undefined;
    const sourceTest = `$.eventSource = "${source}"`;
    if (actions === undefined) return sourceTest;
    return `(${sourceTest}) && (${[...actions].sort().map((name) => `$.eventName = "${name}"`).join(' || ')})`;
  }).concat(named);
  return clauses.length === 1 ? `{ ${clauses[0]} }` : `{ ${clauses.map((clause) => `(${clause})`).join(' || ')} }`;
}
