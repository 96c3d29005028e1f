/**
 * Shares equal strings: `intern(s)` returns the first equal string it was
 * given. `JSON.parse` makes a fresh string for every value of every record,
 * so a million held events would otherwise each carry their own copy of the
 * same event source, region, user agent or error message. Bounded: past
 * `capacity` distinct strings it starts over, so a stream of unique values
 * costs at most that many entries and only loses some sharing.
 */
export class StringPool {
  readonly #capacity: number;
  #strings = new Map<string, string>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Distinct strings held. */
  get size(): number {
    return this.#strings.size;
  }

  /** `value`, or the equal string pooled before it. */
  intern(value: string): string {
    const pooled = this.#strings.get(value);
    if (pooled !== undefined) return pooled;
    if (this.#strings.size >= this.#capacity) this.#strings = new Map();
    this.#strings.set(value, value);
    return value;
  }
}
