import type { EventSelector, Interest } from '@jackwatch/core';

/** Event names of one source a rule can match (lower-cased → as first written), or every name. */
type Names = ReadonlyMap<string, string> | 'all';

/** The key of names a rule can match whatever the event source (an `eventName` test without an `eventSource` one). */
const ANY_SOURCE = '*';

/**
 * What a (part of a) rule can match, as far as event source and name go:
 * `'all'`, or per event source (lower-cased, as CloudTrail writes them; `*`
 * for any source) the names it can match. Always a superset of what the
 * rule matches, so the derived interest is never narrower than the rule.
 */
export type SelectionSet = 'all' | ReadonlyMap<string, Names>;

/** Events of `sources` (any source when `undefined`) with one of `names` (any name when `undefined`). */
export function selectionOf(sources: readonly string[] | undefined, names: readonly string[] | undefined): SelectionSet {
  if (sources === undefined && names === undefined) return 'all';
  const nameSet: Names = names === undefined ? 'all' : new Map(names.map((name) => [name.toLowerCase(), name]));
  return new Map((sources ?? [ANY_SOURCE]).map((source) => [source === ANY_SOURCE ? source : source.toLowerCase(), nameSet]));
}

/** What both can match. */
export function intersect(a: SelectionSet, b: SelectionSet): SelectionSet {
  if (a === 'all') return b;
  if (b === 'all') return a;
  let out: Map<string, Names> = new Map();
  for (const [sourceA, namesA] of a) {
    for (const [sourceB, namesB] of b) {
      if (sourceA !== sourceB && sourceA !== ANY_SOURCE && sourceB !== ANY_SOURCE) continue;
      const names = intersectNames(namesA, namesB);
      if (names === undefined) continue;
      out = union(out, new Map([[sourceA === ANY_SOURCE ? sourceB : sourceA, names]])) as Map<string, Names>;
    }
  }
  return out;
}

/** What either can match. */
export function union(a: SelectionSet, b: SelectionSet): SelectionSet {
  if (a === 'all' || b === 'all') return 'all';
  const out = new Map<string, Names>(a);
  for (const [source, namesB] of b) {
    const namesA = out.get(source);
    if (namesA === undefined) out.set(source, namesB);
    else if (namesA === 'all' || namesB === 'all') out.set(source, 'all');
    else out.set(source, new Map([...namesA, ...namesB]));
  }
  return out;
}

/**
 * The set as the pipeline's interest: one selector per source, names
 * sorted, and one name-only selector for the names a rule can match
 * whatever the source (an `eventName` test without an `eventSource` one).
 * Every name of any source — no test on either — is `'all'`.
 */
export function toInterest(set: SelectionSet): Interest {
  if (set === 'all') return 'all';
  const anySource = set.get(ANY_SOURCE);
  if (anySource === 'all') return 'all';
  const bySource = [...set]
    .filter(([source]) => source !== ANY_SOURCE)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([eventSource, names]): EventSelector => (names === 'all' ? { eventSource } : { eventSource, eventNames: sortedNames(names) }));
  return anySource === undefined ? bySource : [...bySource, { eventNames: sortedNames(anySource) }];
}

function sortedNames(names: ReadonlyMap<string, string>): string[] {
  return [...names.values()].sort();
}

function intersectNames(a: Names, b: Names): Names | undefined {
  if (a === 'all') return b;
  if (b === 'all') return a;
  const both = new Map([...a].filter(([lower]) => b.has(lower)));
  return both.size > 0 ? both : undefined;
}
