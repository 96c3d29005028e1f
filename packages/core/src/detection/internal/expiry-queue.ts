import { MinHeap } from '../../collections/min-heap.ts';

/**
 * The watermark eviction index of the stateful primitives and suppression:
 * keys by expiry time on the shared {@link MinHeap}. Each live key is queued
 * once; a key whose state grew since it was queued is re-queued with its new
 * expiry when popped, so touching a key on the hot path costs nothing here.
 */
export class ExpiryQueue<K> {
  readonly #heap = new MinHeap<K>();

  get size(): number {
    return this.#heap.size;
  }

  push(key: K, expiry: number): void {
    this.#heap.push(key, expiry);
  }

  /** Removes and returns the key with the smallest expiry if that expiry is below `limit`. */
  popBelow(limit: number): K | undefined {
    return this.#heap.peekPriority() < limit ? this.#heap.pop() : undefined;
  }

  clear(): void {
    this.#heap.clear();
  }
}
