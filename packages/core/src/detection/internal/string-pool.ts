/**
 * Shares equal strings: `intern(s)` returns an equal string it was given
 * before, when it still holds one. `JSON.parse` makes a fresh string for
 * every value of every record, so a million held events would otherwise each
 * carry their own copy of the same event source, region, user agent or error
 * message. A fixed table of `capacity` slots, each holding the last string
 * whose hash fell on it: bounded, and interning allocates nothing — a pool
 * that grew and started over would leave its old tables as garbage for the
 * old generation with every few ten thousand new strings (a key-spraying
 * attack brings four per key), and that garbage is peak memory too. A string
 * that finds its slot taken by another only loses sharing.
 */
export class StringPool {
  readonly #slots: (string | undefined)[];
  #size = 0;

  constructor(capacity: number) {
    this.#slots = new Array<string | undefined>(Math.max(1, Math.floor(capacity))).fill(undefined);
  }

  /** Distinct strings held. */
  get size(): number {
    return this.#size;
  }

  /** `value`, or the equal string pooled before it; a string longer than 1,024 characters is never pooled. */
  intern(value: string): string {
    // The table holds what it pools until a slot is reused: long strings would make that unbounded in bytes.
    if (value.length > MAX_POOLED) return value;
    const slots = this.#slots;
    const slot = sampleHash(value) % slots.length;
    const held = slots[slot];
    if (held === value) return held;
    if (held === undefined) this.#size++;
    slots[slot] = value;
    return value;
  }
}

const MAX_POOLED = 1024;

// FNV-1a over the length and up to the first and last 16 characters: values
// that differ mostly differ at one end (keys, ARNs, addresses), and equality
// is checked in full anyway, so a longer string costs no more to hash.
function sampleHash(value: string): number {
  const n = value.length;
  let hash = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  const head = Math.min(n, 16);
  for (let i = 0; i < head; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  for (let i = Math.max(head, n - 16); i < n; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
