import type { EventSelector, Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { actionMatcher } from './action-matcher.ts';

/**
 * What one rule step selects: an event source with, optionally, the event
 * names of it that count (case-insensitive), several of those (any may
 * match), or `'all'` for a step that must look at every event.
 */
export type Selection = 'all' | EventSelector | readonly EventSelector[];

/**
 * A rule step's declaration of the events it takes: `select` says what the
 * pipeline routes (and may prefilter or push down) to the step, `where`
 * narrows it with what a selector cannot express (outcome, key prefix,
 * fields). The step's test is `select` and then `where`, so the two can
 * never drift apart: an event the interest excludes never reaches `where`.
 *
 * @example
 * ```ts
 * const step: Selected = {
 *   select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['ListFoundationModels'] },
 *   where: (e) => e.outcome === 'success' && e.accessKeyId?.startsWith('AKIA') === true,
 * };
 * ```
 */
export interface Selected {
  /** The events the step can take, by source and name. */
  readonly select: Selection;
  /** Further conditions on a selected event (optional). */
  readonly where?: (event: TrailEvent) => boolean;
}

/** A compiled {@link Selected}: true for an event the step takes. */
export type EventTest = (event: TrailEvent) => boolean;

/**
 * Compiles a step's `select` and `where` into one test, with the source
 * compared exactly and names case-insensitively, as the pipeline routes.
 */
export function selectedTest(step: Selected): EventTest {
  checkSelected(step);
  const selects = selectionTest(step.select);
  const where = step.where;
  if (where === undefined) return selects;
  return (event) => selects(event) && where(event);
}

/**
 * The union of what several steps select (or of several detectors'
 * interests): `'all'` if any is `'all'`, else one selector per event source
 * with the union of its names (or every name, when any selector of that
 * source lists none), then one name-only selector with every name selected
 * whatever the source.
 */
export function unionInterest(selections: readonly Selection[]): Interest {
  const names = new Map<string, Set<string> | 'all'>();
  const anySource = new Set<string>();
  for (const selection of selections) {
    if (selection === 'all') return 'all';
    for (const selector of selectorsOf(selection)) {
      if (selector.eventSource === undefined) {
        for (const name of selector.eventNames) anySource.add(name);
        continue;
      }
      const known = names.get(selector.eventSource);
      if (known === 'all') continue;
      if (selector.eventNames === undefined) names.set(selector.eventSource, 'all');
      else names.set(selector.eventSource, new Set([...(known ?? []), ...selector.eventNames]));
    }
  }
  const bySource = [...names].map(([eventSource, set]): EventSelector => (set === 'all' ? { eventSource } : { eventSource, eventNames: [...set].sort() }));
  return anySource.size === 0 ? bySource : [...bySource, { eventNames: [...anySource].sort() }];
}

/**
 * True when `interest` lets an event of `source` and `action` through: the
 * source compared exactly, the action case-insensitively.
 */
export function interestIncludes(interest: Interest, source: string, action: string): boolean {
  if (interest === 'all') return true;
  const lower = action.toLowerCase();
  return interest.some(
    (s) => (s.eventSource === undefined || s.eventSource === source) && (s.eventNames === undefined || s.eventNames.some((name) => name.toLowerCase() === lower)),
  );
}

/**
 * Throws a TypeError saying what to write when a step's `select` is missing
 * or malformed — as in a rule written for the primitives' earlier
 * `interest` + `where`, which would otherwise fail deep inside.
 */
export function checkSelected(step: Selected): void {
  const select: unknown = step.select;
  const valid = select === 'all' || isSelector(select) || (Array.isArray(select) && select.every(isSelector));
  if (!valid) {
    const hint = 'interest' in step ? ': `interest` is now declared per step as `select` (and `where` need no longer re-test the source and names)' : '';
    throw new TypeError(`a rule step needs \`select\`: 'all', { eventSource, eventNames? }, { eventNames } or a list of those${hint}`);
  }
}

function isSelector(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { eventSource, eventNames } = value as { eventSource?: unknown; eventNames?: unknown };
  const listsNames = Array.isArray(eventNames) && eventNames.every((n) => typeof n === 'string');
  // A selector without a source must list names: `{}` would read as "everything".
  if (eventSource === undefined) return listsNames;
  return typeof eventSource === 'string' && eventSource !== '' && (eventNames === undefined || listsNames);
}

function selectionTest(selection: Selection): EventTest {
  if (selection === 'all') return () => true;
  const tests = selectorsOf(selection).map(selectorTest);
  if (tests.length === 1) return tests[0]!;
  return (event) => tests.some((test) => test(event));
}

function selectorTest(selector: EventSelector): EventTest {
  const source = selector.eventSource;
  if (selector.eventNames === undefined) return (event) => event.source === source;
  const named = actionMatcher(selector.eventNames);
  if (source === undefined) return (event) => named(event.action);
  return (event) => event.source === source && named(event.action);
}

function selectorsOf(selection: EventSelector | readonly EventSelector[]): readonly EventSelector[] {
  return isSelectorList(selection) ? selection : [selection];
}

function isSelectorList(selection: EventSelector | readonly EventSelector[]): selection is readonly EventSelector[] {
  return Array.isArray(selection);
}
