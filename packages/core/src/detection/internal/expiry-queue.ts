/**
 * A binary min-heap of keys by expiry time: the watermark eviction index of
 * the stateful primitives. Each live key is queued once; a key whose state
 * grew since it was queued is re-queued with its new expiry when popped, so
 * touching a key on the hot path costs nothing here.
 */
export class ExpiryQueue<K> {
  readonly #times: number[] = [];
  readonly #keys: K[] = [];

  get size(): number {
    return this.#times.length;
  }

  push(key: K, expiry: number): void {
    const times = this.#times;
    const keys = this.#keys;
    let i = times.length;
    times.push(expiry);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= expiry) break;
      times[i] = times[parent]!;
      keys[i] = keys[parent]!;
      i = parent;
    }
    times[i] = expiry;
    keys[i] = key;
  }

  /** Removes and returns the key with the smallest expiry if that expiry is below `limit`. */
  popBelow(limit: number): K | undefined {
    const times = this.#times;
    if (times.length === 0 || !(times[0]! < limit)) return undefined;
    const keys = this.#keys;
    const top = keys[0]!;
    const lastTime = times.pop()!;
    const lastKey = keys.pop()!;
    const n = times.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && times[right]! < times[left]! ? right : left;
        if (times[child]! >= lastTime) break;
        times[i] = times[child]!;
        keys[i] = keys[child]!;
        i = child;
      }
      times[i] = lastTime;
      keys[i] = lastKey;
    }
    return top;
  }

  clear(): void {
    this.#times.length = 0;
    this.#keys.length = 0;
  }
}
