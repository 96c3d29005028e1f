import { compareEventTime } from '../detection/event-order.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { seededRandom } from './seeded.ts';

/**
 * How events arrive at a detector in a test run:
 * - `'sorted'`: event time, ties by `eventID` — the order the semantics are defined on;
 * - `'given'`: the order of the array;
 * - `'shuffled'`: a seeded random order in which **no event is later than
 *   the allowed lateness** (each is delayed by a random amount up to it;
 *   same-time events are permuted too; an infinite lateness allows any order);
 * - an array of indexes: `events[order[0]]` arrives first, and so on.
 */
export type ArrivalOrder = 'sorted' | 'given' | 'shuffled' | readonly number[];

/** The events in the arrival order asked for. */
export function arrange(events: readonly TrailEvent[], order: ArrivalOrder, seed: number | string, allowedLateness: number): TrailEvent[] {
  if (order === 'given') return events.slice();
  if (order === 'sorted') return events.slice().sort(compareEventTime);
  if (order === 'shuffled') {
    const random = seededRandom(seed);
    const unbounded = allowedLateness === Number.POSITIVE_INFINITY;
    const keyed = events.map((event) => ({ event, arrival: unbounded ? random() : event.time + random() * allowedLateness, tie: random() }));
    keyed.sort((a, b) => a.arrival - b.arrival || a.tie - b.tie);
    return keyed.map((k) => k.event);
  }
  if (order.length !== events.length || new Set(order).size !== events.length || order.some((i) => events[i] === undefined)) {
    throw new RangeError(`arrival order must be a permutation of 0..${events.length - 1}`);
  }
  return order.map((i) => events[i]!);
}
