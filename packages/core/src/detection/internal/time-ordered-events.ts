import type { TrailEvent } from '../../event/trail-event.ts';
import { lowerBound, upperBound } from './sorted-times.ts';

/**
 * Events kept in the order the detection semantics are defined on: event
 * time, ties broken by `eventID`. Parallel arrays keep binary searches on
 * plain numbers; on time-sorted input an insert is a push.
 */
export class TimeOrderedEvents {
  readonly times: number[];
  readonly events: TrailEvent[];

  /** Starting with `first` allocates exactly one slot: most keys never hold a second event. */
  constructor(first?: TrailEvent) {
    this.times = first === undefined ? [] : [first.time];
    this.events = first === undefined ? [] : [first];
  }

  get length(): number {
    return this.times.length;
  }

  /**
   * Inserts `event` in order and returns its index, or -1 when an event with
   * the same `eventID` is already held (a redelivery). With `perTime`, at most
   * that many events are kept per timestamp — those with the smallest ids —
   * and -1 is returned when `event` is not among them.
   */
  insert(event: TrailEvent, perTime = Number.POSITIVE_INFINITY): number {
    const times = this.times;
    const events = this.events;
    const time = event.time;
    const n = times.length;
    if (n === 0 || times[n - 1]! < time) {
      times.push(time);
      events.push(event);
      return n;
    }
    const lo = lowerBound(times, time);
    const hi = upperBound(times, time, lo);
    let at = hi;
    for (let i = lo; i < hi; i++) {
      const id = events[i]!.eventId;
      if (id === event.eventId) return -1;
      if (at === hi && event.eventId < id) at = i;
    }
    if (hi - lo >= perTime) {
      if (at === hi) return -1;
      // Make room: the largest id at this time leaves.
      times.splice(hi - 1, 1);
      events.splice(hi - 1, 1);
    }
    times.splice(at, 0, time);
    events.splice(at, 0, event);
    return at;
  }

  /** Removes every event older than `time`; returns how many left. */
  dropBefore(time: number): number {
    const count = lowerBound(this.times, time);
    this.dropFirst(count);
    return count;
  }

  /** Removes the first `count` events. */
  dropFirst(count: number): void {
    if (count <= 0) return;
    this.times.splice(0, count);
    this.events.splice(0, count);
  }

  /** Removes the events from index `from` (inclusive) to `to` (exclusive). */
  dropRange(from: number, to: number): void {
    if (to <= from) return;
    this.times.splice(from, to - from);
    this.events.splice(from, to - from);
  }

  /** Time of the newest event, or `-Infinity` when empty. */
  lastTime(): number {
    const n = this.times.length;
    return n === 0 ? Number.NEGATIVE_INFINITY : this.times[n - 1]!;
  }
}
