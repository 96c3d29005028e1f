import type { TrailEvent } from '../event/trail-event.ts';

/**
 * The order detection semantics are defined on (docs/detection-semantics.md):
 * event time, ties broken by `eventID`. Use it to sort a stream for a reference run.
 *
 * @example `events.slice().sort(compareEventTime)`
 */
export function compareEventTime(a: TrailEvent, b: TrailEvent): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}
