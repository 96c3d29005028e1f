import { compareEventTime, type TrailEvent } from '@jackwatch/core';

/** What a brute-force reading of a windowed rule fires on: the anchors' `eventID`s in firing order, and the groups that fired. */
export interface ReferenceFirings {
  readonly anchors: string[];
  readonly groups: Set<string>;
}

/** How a windowed rule reads an event: whether it counts, its group, and (for distinct counts) its counted value. */
export interface WindowedReading {
  counts(event: TrailEvent): boolean;
  group(event: TrailEvent): string;
  readonly window: number;
}

/**
 * "At least `atLeast` distinct values per group in any `[t − window, t]`,
 * re-armed `window` after each firing", read literally on the time-sorted
 * events (ties by `eventID`, one copy per `eventID`): the reference the
 * distinct-count rules must equal on sorted input.
 */
export function referenceDistinct(events: readonly TrailEvent[], reading: WindowedReading & { value(event: TrailEvent): string | undefined; readonly atLeast: number }): ReferenceFirings {
  return reference(events, reading, (seen) => new Set(seen.map(reading.value)).size >= reading.atLeast, (e) => reading.value(e) !== undefined);
}

/**
 * "More than `threshold` events per group in any `[t − window, t]`,
 * re-armed `window` after each firing", read literally on the time-sorted
 * events: the reference the threshold rules must equal on sorted input.
 */
export function referenceThreshold(events: readonly TrailEvent[], reading: WindowedReading & { readonly threshold: number }): ReferenceFirings {
  return reference(events, reading, (seen) => seen.length > reading.threshold, () => true);
}

function reference(events: readonly TrailEvent[], reading: WindowedReading, fires: (window: TrailEvent[]) => boolean, usable: (event: TrailEvent) => boolean): ReferenceFirings {
  const counted = events.filter((e) => reading.counts(e) && usable(e));
  const sorted = [...new Map(counted.map((e) => [e.eventId, e])).values()].sort(compareEventTime);
  const state = new Map<string, { rearmAt: number; seen: TrailEvent[] }>();
  const firings: ReferenceFirings = { anchors: [], groups: new Set() };
  for (const event of sorted) {
    const group = reading.group(event);
    const s = state.get(group) ?? { rearmAt: Number.NEGATIVE_INFINITY, seen: [] };
    state.set(group, s);
    if (event.time < s.rearmAt) continue;
    s.seen.push(event);
    if (fires(s.seen.filter((e) => e.time >= event.time - reading.window))) {
      firings.anchors.push(event.eventId);
      firings.groups.add(group);
      s.rearmAt = event.time + reading.window;
      s.seen = [];
    }
  }
  return firings;
}
