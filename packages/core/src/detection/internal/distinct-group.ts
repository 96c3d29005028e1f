import type { TrailEvent } from '../../event/trail-event.ts';
import { TimeOrderedEvents } from './time-ordered-events.ts';
import type { WindowGroup } from './windowed-group-detector.ts';

/**
 * One group of a `distinctCount` rule: its kept occurrences in event-time
 * order, each with its counted value, computed once when the event arrived
 * (pruning and checking read it for every neighbour). Like the events, a
 * lone value is held alone and two or more in an array aligned with them.
 */
export class DistinctGroup extends TimeOrderedEvents implements WindowGroup {
  readonly key: string;
  rearmAt: number | undefined;
  removed = false;
  #value: string | undefined;
  #values: string[] | undefined;

  constructor(key: string) {
    super();
    this.key = key;
  }

  /** The counted value of the occurrence at `index` (`0 ≤ index < length`). */
  valueAt(index: number): string {
    return this.#values !== undefined ? this.#values[index]! : this.#value!;
  }

  /** Inserts `event` with its counted `value` in order; returns its index, or -1 for a redelivery (same `eventID`). */
  add(event: TrailEvent, value: string): number {
    const before = this.length;
    const index = this.insert(event);
    if (index < 0) return index;
    if (before === 0) this.#value = value;
    else if (this.#values === undefined) {
      this.#values = index === 0 ? [value, this.#value!] : [this.#value!, value];
      this.#value = undefined;
    } else this.#values.splice(index, 0, value);
    return index;
  }

  override dropRange(from: number, to: number): void {
    const start = Math.max(0, from);
    const end = Math.min(this.length, to);
    if (end <= start) return;
    super.dropRange(start, end);
    if (this.#values === undefined) {
      this.#value = undefined;
      return;
    }
    this.#values.splice(start, end - start);
    if (this.#values.length <= 1) {
      this.#value = this.#values[0];
      this.#values = undefined;
    }
  }
}
