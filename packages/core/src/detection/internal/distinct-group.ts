import type { TrailEvent } from '../../event/trail-event.ts';
import { TimeOrderedEvents } from './time-ordered-events.ts';
import type { WindowGroup } from './windowed-group-detector.ts';

/**
 * One group of a `distinctCount` rule: its kept occurrences in event-time
 * order, each with its counted value, computed once when the event arrived
 * (pruning and checking read it for every neighbour). Like the events, one
 * or two values are held in fields and more in an array aligned with them.
 */
export class DistinctGroup extends TimeOrderedEvents implements WindowGroup {
  readonly key: string;
  rearmAt: number | undefined;
  removed = false;
  #first: string | undefined;
  #second: string | undefined;
  #values: string[] | undefined;

  constructor(key: string) {
    super();
    this.key = key;
  }

  /** The counted value of the occurrence at `index` (`0 ≤ index < length`). */
  valueAt(index: number): string {
    if (this.#values !== undefined) return this.#values[index]!;
    return index === 0 ? this.#first! : this.#second!;
  }

  /** Inserts `event` with its counted `value` in order; returns its index, or -1 for a redelivery (same `eventID`). */
  add(event: TrailEvent, value: string): number {
    const before = this.length;
    const index = this.insert(event);
    if (index < 0) return index;
    if (this.#values === undefined && before < 2) {
      const values = this.#inline(before);
      values.splice(index, 0, value);
      this.#setInline(values);
    } else {
      this.#values ??= this.#inline(before);
      this.#values.splice(index, 0, value);
    }
    return index;
  }

  override dropRange(from: number, to: number): void {
    const before = this.length;
    const start = Math.max(0, from);
    const end = Math.min(before, to);
    if (end <= start) return;
    super.dropRange(start, end);
    const values = this.#values ?? this.#inline(before);
    values.splice(start, end - start);
    if (values.length <= 2) {
      this.#values = undefined;
      this.#setInline(values);
    } else this.#values = values;
  }

  #inline(length: number): string[] {
    return length === 0 ? [] : length === 1 ? [this.#first!] : [this.#first!, this.#second!];
  }

  #setInline(values: readonly string[]): void {
    this.#first = values[0];
    this.#second = values[1];
  }
}
