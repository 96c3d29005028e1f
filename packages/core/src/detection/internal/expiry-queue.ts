import { MinHeap } from '../../collections/min-heap.ts';

/** Something queued by expiry: the queue records the time on the item itself, so queuing allocates nothing. */
export interface Expiring {
  /** Event time (ms) at which the item was last queued to expire; written by {@link ExpiryQueue.push}. */
  expiresAt: number;
}

/**
 * The watermark eviction index of the stateful primitives and suppression:
 * items by expiry time on the shared {@link MinHeap}. Each live item is
 * queued once; an item whose state grew since it was queued is re-queued
 * with its new expiry when popped, so touching it on the hot path costs
 * nothing here.
 */
export class ExpiryQueue<K extends Expiring> {
  readonly #heap = new MinHeap<K>((a, b) => a.expiresAt - b.expiresAt);

  get size(): number {
    return this.#heap.size;
  }

  push(item: K, expiry: number): void {
    item.expiresAt = expiry;
    this.#heap.push(item);
  }

  /** Removes and returns the item with the smallest expiry if that expiry is below `limit`. */
  popBelow(limit: number): K | undefined {
    const top = this.#heap.peek();
    return top !== undefined && top.expiresAt < limit ? this.#heap.pop() : undefined;
  }

  clear(): void {
    this.#heap.clear();
  }
}
