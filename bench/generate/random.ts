/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same
 * sequence on every machine, so a dataset is reproducible from its options.
 */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += HEX[this.int(16)];
    return out;
  }

  /** `n` characters of `A-Z0-9`, as in access key ids and principal ids. */
  upper(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += UPPER[this.int(UPPER.length)];
    return out;
  }

  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[this.int(4)]}${this.hex(3)}-${this.hex(12)}`;
  }
}

const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A weighted choice, precomputed once: `pick` costs a binary search. */
export class Weighted<T> {
  readonly #items: readonly T[];
  readonly #cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    this.#items = entries.map(([item]) => item);
    let sum = 0;
    this.#cumulative = entries.map(([, weight]) => (sum += weight));
  }

  pick(random: Random): T {
    const total = this.#cumulative[this.#cumulative.length - 1]!;
    const x = random.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo]!;
  }
}
