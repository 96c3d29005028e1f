/** A value of a watched term and when the key was last seen with it (event time, ms). */
export interface KnownValue {
  readonly value: string;
  readonly lastSeen: number;
}

/**
 * What is known about one key (an access key): when its current baseline
 * started, when it was last seen, and per watched term the values seen with
 * their last-seen time. Each term's values are kept in last-seen order
 * (a value seen again moves to the end), so the stalest is first — evicted
 * first at the cap, pruned first as the watermark passes.
 */
export class KeyHistory {
  readonly key: string;
  /** Set once the detector has dropped this key. */
  removed = false;
  /** Event time of the first event of the current baseline. */
  baselineStart: number;
  lastSeen: number;
  readonly #terms: Map<string, number>[];

  constructor(key: string, termCount: number, time: number) {
    this.key = key;
    this.baselineStart = time;
    this.lastSeen = time;
    this.#terms = Array.from({ length: termCount }, () => new Map<string, number>());
  }

  /** When `value` of term `index` was last seen, if it is known. */
  lastSeenOf(index: number, value: string): number | undefined {
    return this.#terms[index]!.get(value);
  }

  /**
   * Records `value` of term `index` at `time` (an older time never moves a
   * value back). A new value beyond `cap` values makes the stalest one
   * forgotten. Returns the values added (0 or 1) and dropped (0 or 1).
   */
  learn(index: number, value: string, time: number, cap: number): { added: number; dropped: number } {
    const values = this.#terms[index]!;
    const previous = values.get(value);
    if (previous !== undefined && previous >= time) return { added: 0, dropped: 0 };
    values.delete(value);
    values.set(value, time);
    if (previous !== undefined) return { added: 0, dropped: 0 };
    if (values.size <= cap) return { added: 1, dropped: 0 };
    values.delete(values.keys().next().value!);
    return { added: 1, dropped: 1 };
  }

  /** Forgets values last seen before `horizon`; returns how many. */
  prune(horizon: number): number {
    let removed = 0;
    for (const values of this.#terms) {
      for (const [value, lastSeen] of values) {
        if (lastSeen >= horizon) break;
        values.delete(value);
        removed++;
      }
    }
    return removed;
  }

  /** The most recently seen values of term `index`, newest first. */
  known(index: number, limit: number): KnownValue[] {
    const all = [...this.#terms[index]!].map(([value, lastSeen]) => ({ value, lastSeen }));
    return all.reverse().slice(0, limit);
  }

  /** Values held over all terms. */
  get size(): number {
    let size = 0;
    for (const values of this.#terms) size += values.size;
    return size;
  }

  /** Forgets everything (a new baseline starts at `time`); returns how many values were dropped. */
  reset(time: number): number {
    const dropped = this.size;
    for (const values of this.#terms) values.clear();
    this.baselineStart = time;
    this.lastSeen = time;
    return dropped;
  }
}
