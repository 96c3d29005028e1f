import type { TrailEvent } from '../../event/trail-event.ts';
import { compareEventTime } from '../event-order.ts';
import { lowerBound, upperBound } from './sorted-times.ts';

/**
 * Events kept in the order the detection semantics are defined on: event
 * time, ties broken by `eventID`. Most keys of a large stream only ever hold
 * one or two events, so one is held alone and two in an array of exactly two;
 * from three on, a parallel array of times keeps binary searches on plain
 * numbers (on time-sorted input an insert is a push).
 */
export class TimeOrderedEvents {
  #one: TrailEvent | undefined;
  #events: TrailEvent[] | undefined;
  #times: number[] | undefined;

  constructor(first?: TrailEvent) {
    this.#one = first;
  }

  get length(): number {
    return this.#events !== undefined ? this.#events.length : this.#one === undefined ? 0 : 1;
  }

  /** Time of the event at `index` (`0 ≤ index < length`). */
  timeAt(index: number): number {
    if (this.#times !== undefined) return this.#times[index]!;
    return this.#events !== undefined ? this.#events[index]!.time : this.#one!.time;
  }

  /** The event at `index` (`0 ≤ index < length`). */
  eventAt(index: number): TrailEvent {
    return this.#events !== undefined ? this.#events[index]! : this.#one!;
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
    if (this.#events !== undefined) return this.#events.slice(from, to);
    return this.#one !== undefined && from <= 0 && to >= 1 ? [this.#one] : [];
  }

  /**
   * Inserts `event` in order and returns its index, or -1 when an event with
   * the same `eventID` is already held (a redelivery). With `perTime`, at most
   * that many events are kept per timestamp — those with the smallest ids —
   * and -1 is returned when `event` is not among them.
   */
  insert(event: TrailEvent, perTime = Number.POSITIVE_INFINITY): number {
    if (this.#events === undefined) {
      if (this.#one === undefined) {
        this.#one = event;
        return 0;
      }
      const one = this.#one;
      if (one.eventId === event.eventId && one.time === event.time) return -1;
      // An array of exactly two: growing a one-element array by a push
      // reserves room for 17, which a million two-event keys would pay.
      const first = compareEventTime(event, one) < 0;
      if (perTime < 2 && one.time === event.time) {
        if (!first) return -1;
        this.#one = event;
        return 0;
      }
      this.#events = first ? [event, one] : [one, event];
      this.#one = undefined;
      return first ? 0 : 1;
    }
    const events = this.#events;
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
    if (this.#events === undefined) {
      this.#one = undefined;
      return;
    }
    this.#events.splice(start, end - start);
    this.#times?.splice(start, end - start);
    // Back to one event held alone, or two without times: a burst does not keep its arrays alive.
    if (this.#events.length <= 1) {
      this.#one = this.#events[0];
      this.#events = undefined;
      this.#times = undefined;
    } else if (this.#events.length === 2 && this.#times !== undefined) {
      this.#events = this.#events.slice();
      this.#times = undefined;
    }
  }

  /** Time of the newest event, or `-Infinity` when empty. */
  lastTime(): number {
    const n = this.length;
    return n === 0 ? Number.NEGATIVE_INFINITY : this.timeAt(n - 1);
  }
}
