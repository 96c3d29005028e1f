import type { TrailEvent } from '../event/trail-event.ts';

const before = (a: TrailEvent, b: TrailEvent): boolean => a.time < b.time || (a.time === b.time && a.eventId < b.eventId);

/**
 * The optional ordering stage (`ordering: { lateness }`): holds events in a
 * min-heap by (event time, eventID) and releases them in that order once the
 * watermark passes them, so detectors see time-sorted input at the cost of
 * `lateness` of latency. Bounded: past `capacity` events the oldest are
 * released early (and counted), so memory never grows with the stream.
 */
export class ReorderBuffer {
  readonly #heap: TrailEvent[] = [];
  readonly #capacity: number;
  #releasedEarly = 0;

  constructor(capacity = 1_000_000) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#heap.length;
  }

  /** Events released before the watermark passed them because the buffer was full. */
  get releasedEarly(): number {
    return this.#releasedEarly;
  }

  /** Adds events; returns those forced out by the capacity bound, in order. */
  push(events: readonly TrailEvent[]): TrailEvent[] {
    const forced: TrailEvent[] = [];
    for (const event of events) {
      this.#insert(event);
      if (this.#heap.length > this.#capacity) {
        forced.push(this.#pop());
        this.#releasedEarly++;
      }
    }
    return forced;
  }

  /** Removes and returns, sorted, every event at or before `watermark`. */
  release(watermark: number): TrailEvent[] {
    const out: TrailEvent[] = [];
    while (this.#heap.length > 0 && this.#heap[0]!.time <= watermark) out.push(this.#pop());
    return out;
  }

  /** Removes and returns everything, sorted (end of input). */
  drain(): TrailEvent[] {
    return this.release(Number.POSITIVE_INFINITY);
  }

  #insert(event: TrailEvent): void {
    const heap = this.#heap;
    let i = heap.push(event) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): TrailEvent {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
