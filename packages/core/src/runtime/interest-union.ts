import type { EventSelector, Interest } from '../event/interest.ts';

/**
 * The union of several interests: `'all'` if any is `'all'`, else one
 * selector per event source with the union of its event names (or every
 * name, when any selector of that source lists none).
 */
export function unionInterest(interests: readonly Interest[]): Interest {
  const names = new Map<string, Set<string> | 'all'>();
  for (const interest of interests) {
    if (interest === 'all') return 'all';
    for (const selector of interest) {
      const known = names.get(selector.eventSource);
      if (known === 'all') continue;
      if (selector.eventNames === undefined) names.set(selector.eventSource, 'all');
      else names.set(selector.eventSource, new Set([...(known ?? []), ...selector.eventNames]));
    }
  }
  return [...names].map(([eventSource, set]): EventSelector =>
    set === 'all' ? { eventSource } : { eventSource, eventNames: [...set].sort() },
  );
}
