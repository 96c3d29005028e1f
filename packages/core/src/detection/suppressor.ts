import type { Finding } from '../finding/finding.ts';
import { UNKNOWN } from './build-finding.ts';
import { findingField } from './finding-fields.ts';
import { ExpiryQueue } from './internal/expiry-queue.ts';

interface Period {
  readonly key: string;
  /** Event time (ms) of the finding that opened the period. */
  start: number;
  /** Findings suppressed since the last one emitted. */
  suppressed: number;
  removed: boolean;
}

/**
 * Suppression in event time (`suppress: { by, for }`): per group of the `by`
 * fields, the first finding opens a period `[time, time + for)`; findings of
 * the group inside it are suppressed and counted, and the first finding after
 * it is emitted carrying that count in `suppressed` and opens the next period.
 * A finding older than the period by more than `for` (a late file) is
 * emitted and leaves the period alone.
 *
 * A group's state lives until the watermark passes its period by one more
 * `for`, so the count rides on the group's next finding if one comes by then;
 * it is always in telemetry as well.
 */
export class Suppressor {
  readonly #readers: readonly ((finding: Finding) => string[])[];
  readonly #period: number;
  readonly #periods = new Map<string, Period>();
  readonly #queue = new ExpiryQueue<Period>();

  constructor(by: readonly string[], period: number) {
    this.#readers = by.map(findingField);
    this.#period = period;
  }

  get size(): number {
    return this.#periods.size;
  }

  /** The finding to emit (possibly with `suppressed` set), or `undefined` when it is suppressed. */
  admit(finding: Finding): Finding | undefined {
    const time = Date.parse(finding.time);
    const key = this.#key(finding);
    const period = this.#periods.get(key);
    if (period === undefined) {
      const opened: Period = { key, start: time, suppressed: 0, removed: false };
      this.#periods.set(key, opened);
      this.#queue.push(opened, this.#expiry(opened));
      return finding;
    }
    if (time >= period.start + this.#period) {
      const suppressed = period.suppressed;
      period.start = time;
      period.suppressed = 0;
      return suppressed === 0 ? finding : { ...finding, suppressed };
    }
    if (time >= period.start - this.#period) {
      period.suppressed++;
      return undefined;
    }
    return finding;
  }

  /** Forgets groups whose period the watermark passed by one more period. */
  evict(watermark: number): void {
    for (let period = this.#queue.popBelow(watermark); period !== undefined; period = this.#queue.popBelow(watermark)) {
      if (period.removed) continue;
      const expiry = this.#expiry(period);
      if (expiry < watermark) {
        period.removed = true;
        this.#periods.delete(period.key);
      } else {
        this.#queue.push(period, expiry);
      }
    }
  }

  clear(): void {
    for (const period of this.#periods.values()) period.removed = true;
    this.#periods.clear();
    this.#queue.clear();
  }

  #expiry(period: Period): number {
    return period.start + 2 * this.#period;
  }

  #key(finding: Finding): string {
    let key = '';
    for (const read of this.#readers) key += (read(finding)[0] ?? UNKNOWN) + '\u0000';
    return key;
  }
}
