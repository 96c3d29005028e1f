import type { TrailEvent } from '@jackwatch/core';
import type { InterestFilter } from '../internal/interest-filter.ts';

/**
 * The events of a fully decoded file worth sending to the pipeline from a
 * decode worker: those `filter` matches, plus, for each account and region,
 * the newest event when it is not among them — the pipeline's watermark and
 * checkpoint retirement depend only on each partition's newest event time,
 * so they advance exactly as if every event had been sent, at a fraction of
 * the cost of copying them between threads. Order is kept.
 */
export function shipMatching(events: readonly TrailEvent[], filter: InterestFilter): TrailEvent[] {
  const newest = new Map<string, TrailEvent>();
  const kept = new Set<TrailEvent>();
  for (const event of events) {
    if (filter.matches(event.source, event.action)) kept.add(event);
    const key = `${event.account ?? ''}\u0000${event.region ?? ''}`;
    const known = newest.get(key);
    if (known === undefined || event.time > known.time) newest.set(key, event);
  }
  for (const event of newest.values()) kept.add(event);
  return kept.size === events.length ? [...events] : events.filter((event) => kept.has(event));
}
