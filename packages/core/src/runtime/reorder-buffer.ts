import { MinHeap } from '../collections/min-heap.ts';
import { compareEventTime } from '../detection/event-order.ts';
import type { TrailEvent } from '../event/trail-event.ts';

/**
 * The optional ordering stage (`ordering: { lateness }`): holds events in a
 * min-heap by (event time, eventID) and releases them in that order once the
 * watermark passes them, so detectors see time-sorted input at the cost of
 * `lateness` of latency. Bounded: past `capacity` events the oldest are
 * released early (and counted), so memory never grows with the stream.
 */
export class ReorderBuffer {
  readonly #heap = new MinHeap<TrailEvent>(compareEventTime);
  readonly #capacity: number;
  #releasedEarly = 0;

  constructor(capacity = 1_000_000) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#heap.size;
  }

  /** Events released before the watermark passed them because the buffer was full. */
  get releasedEarly(): number {
    return this.#releasedEarly;
  }

  /** Adds events; returns those forced out by the capacity bound, in order. */
  push(events: readonly TrailEvent[]): TrailEvent[] {
    const forced: TrailEvent[] = [];
    for (const event of events) {
      this.#heap.push(event, event.time);
      if (this.#heap.size > this.#capacity) {
        forced.push(this.#heap.pop()!);
        this.#releasedEarly++;
      }
    }
    return forced;
  }

  /** Removes and returns, sorted, every event at or before `watermark`. */
  release(watermark: number): TrailEvent[] {
    const out: TrailEvent[] = [];
    while (this.#heap.size > 0 && this.#heap.peekPriority() <= watermark) out.push(this.#heap.pop()!);
    return out;
  }

  /** Removes and returns everything, sorted (end of input). */
  drain(): TrailEvent[] {
    return this.release(Number.POSITIVE_INFINITY);
  }
}
