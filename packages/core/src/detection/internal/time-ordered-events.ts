import type { TrailEvent } from '../../event/trail-event.ts';
import { compareEventTime } from '../event-order.ts';
import { lowerBound, upperBound } from './sorted-times.ts';

/**
 * Events kept in the order the detection semantics are defined on: event
 * time, ties broken by `eventID`. Most keys of a large stream only ever hold
 * one or two events, so those are held in the object's own fields (an array
 * of two costs 64 bytes more, which a million two-event keys would pay);
 * from three on, an array, and a parallel array of times that keeps binary
 * searches on plain numbers (on time-sorted input an insert is a push).
 */
export class TimeOrderedEvents {
  // One or two events: the first here, the second in #more. Three or more: all in #more, an array.
  #one: TrailEvent | undefined;
  #more: TrailEvent | TrailEvent[] | undefined;
  #times: number[] | undefined;

  constructor(first?: TrailEvent) {
    this.#one = first;
  }

  get length(): number {
    const more = this.#more;
    if (more === undefined) return this.#one === undefined ? 0 : 1;
    return Array.isArray(more) ? more.length : 2;
  }

  /** Time of the event at `index` (`0 ≤ index < length`). */
  timeAt(index: number): number {
    if (this.#times !== undefined) return this.#times[index]!;
    return this.eventAt(index).time;
  }

  /** The event at `index` (`0 ≤ index < length`). */
  eventAt(index: number): TrailEvent {
    const more = this.#more;
    if (more === undefined) return this.#one!;
    if (Array.isArray(more)) return more[index]!;
    return index === 0 ? this.#one! : more;
  }

  /** Index of the first event at or after `from` whose time is `>= time` (or `max(from, length)`). */
  lowerBound(time: number, from = 0): number {
    if (this.#times !== undefined) return lowerBound(this.#times, time, from);
    const n = this.length;
    let i = from;
    while (i < n && this.timeAt(i) < time) i++;
    return Math.max(i, from);
  }

  /** The events from `from` (inclusive) to `to` (exclusive), in order. */
  slice(from: number, to: number): TrailEvent[] {
    const more = this.#more;
    if (Array.isArray(more)) return more.slice(from, to);
    const all = this.#one === undefined ? [] : more === undefined ? [this.#one] : [this.#one, more];
    return all.slice(from, to);
  }

  /**
   * Inserts `event` in order and returns its index, or -1 when an event with
   * the same `eventID` is already held (a redelivery). With `perTime`, at most
   * that many events are kept per timestamp — those with the smallest ids —
   * and -1 is returned when `event` is not among them.
   */
  insert(event: TrailEvent, perTime = Number.POSITIVE_INFINITY): number {
    const more = this.#more;
    if (!Array.isArray(more)) {
      const one = this.#one;
      if (one === undefined) {
        this.#one = event;
        return 0;
      }
      if (more === undefined) {
        if (one.eventId === event.eventId && one.time === event.time) return -1;
        const first = compareEventTime(event, one) < 0;
        if (perTime < 2 && one.time === event.time) {
          if (!first) return -1;
          this.#one = event;
          return 0;
        }
        this.#one = first ? event : one;
        this.#more = first ? one : event;
        return first ? 0 : 1;
      }
      // The third event: from here on, arrays.
      this.#more = [one, more];
      this.#one = undefined;
    }
    const events = this.#more as TrailEvent[];
    this.#times ??= events.map((e) => e.time);
    const times = this.#times;
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
    const count = this.lowerBound(time);
    this.dropFirst(count);
    return count;
  }

  /** Removes the first `count` events. */
  dropFirst(count: number): void {
    this.dropRange(0, count);
  }

  /** Removes the events from index `from` (inclusive) to `to` (exclusive). */
  dropRange(from: number, to: number): void {
    const n = this.length;
    const start = Math.max(0, from);
    const end = Math.min(n, to);
    if (end <= start) return;
    const events = Array.isArray(this.#more) ? this.#more : this.slice(0, n);
    events.splice(start, end - start);
    this.#times?.splice(start, end - start);
    if (events.length > 2) return;
    // Back to one or two events in fields: a burst does not keep its arrays alive.
    this.#one = events[0];
    this.#more = events[1];
    this.#times = undefined;
  }

  /** Time of the newest event, or `-Infinity` when empty. */
  lastTime(): number {
    const n = this.length;
    return n === 0 ? Number.NEGATIVE_INFINITY : this.timeAt(n - 1);
  }
}
