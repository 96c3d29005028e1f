import type { Partition } from './partition.ts';
import { trailKeyTime } from './trail-key.ts';

/**
 * What a partition's checkpoint holds: the greatest key whose batch was
 * acknowledged, and the other acknowledged keys inside the late-delivery
 * window before it (so a restart re-lists that window without repeating them).
 */
export interface PartitionPosition {
  readonly after: string;
  readonly recent: readonly string[];
}

// Keys are kept a minute longer than the window: file times have minute resolution.
const MARGIN_MS = 60_000;

/**
 * The reading position of one partition: which keys were handed out, which
 * were acknowledged, and where the next listing starts.
 *
 * Each listing starts `lateDelivery` before the newest key handed out (a
 * synthetic `StartAfter` built from the file time), so files that CloudTrail
 * delivers late — also across midnight, into yesterday's folder — are still
 * found; keys already handed out in that window are skipped. The checkpoint
 * advances only over the contiguous acknowledged head of the keys in flight.
 */
export class PartitionCursor {
  readonly partition: Partition;
  readonly #lateness: number;
  #listedMax: string | undefined;
  /** Keys handed out in the overlap window, by file time, oldest first (see {@link prune}). */
  readonly #seen = new Map<string, number>();
  /** Keys handed out and not yet acknowledged, in hand-out order, from {@link #head}. */
  #inFlight: InFlight[] = [];
  #head = 0;
  /** The not-yet-acknowledged entries of each key in flight (one, unless a key was handed out twice). */
  readonly #pending = new Map<string, InFlight[]>();
  #ackedMax: string | undefined;
  readonly #ackedRecent = new Map<string, number>();

  constructor(partition: Partition, lateDeliveryMs: number, position?: PartitionPosition) {
    this.partition = partition;
    this.#lateness = lateDeliveryMs;
    if (position) {
      this.#listedMax = position.after;
      this.#ackedMax = position.after;
      // Oldest first, so pruning from the front finds the expired ones.
      const keys = [...position.recent, position.after].map((key) => ({ key, time: trailKeyTime(key) ?? 0 })).sort((a, b) => a.time - b.time);
      for (const { key, time } of keys) {
        this.#seen.set(key, time);
        this.#ackedRecent.set(key, time);
      }
    }
  }

  /** The `StartAfter` of the next listing, never before `startTime`. */
  listStart(startTime: number): string | undefined {
    const fromStart = this.partition.startAfterAt(startTime);
    if (this.#listedMax === undefined) return fromStart;
    if (!this.partition.timed) return this.#listedMax;
    const newest = trailKeyTime(this.#listedMax);
    const overlap = newest === undefined ? this.#listedMax : this.partition.startAfterAt(newest - this.#lateness);
    return fromStart !== undefined && overlap !== undefined && fromStart > overlap ? fromStart : overlap;
  }

  /** Whether a listed key is one to read: not handed out before, in the layout, not before `startTime`. */
  isNew(key: string, startTime: number): boolean {
    if (this.#seen.has(key)) return false;
    const time = trailKeyTime(key);
    if (this.partition.timed && time === undefined) return false;
    return time === undefined || time >= startTime - (startTime % 60_000);
  }

  /** Records that `key` was handed out for reading. */
  markRead(key: string): void {
    const time = trailKeyTime(key) ?? 0;
    const entry: InFlight = { key, acked: false };
    this.#inFlight.push(entry);
    const pending = this.#pending.get(key);
    if (pending === undefined) this.#pending.set(key, [entry]);
    else pending.push(entry);
    if (this.partition.timed) this.#seen.set(key, time);
    if (this.#listedMax === undefined || key > this.#listedMax) {
      this.#listedMax = key;
      prune(this.#seen, time - this.#lateness - MARGIN_MS);
    }
  }

  /**
   * Records that `key`'s batch was acknowledged. Returns true when the
   * checkpoint moved (the contiguous acknowledged head grew).
   */
  ack(key: string): boolean {
    const pending = this.#pending.get(key);
    const entry = pending?.shift();
    if (!entry) return false;
    if (pending!.length === 0) this.#pending.delete(key);
    entry.acked = true;
    let moved = false;
    while (this.#inFlight[this.#head]?.acked) {
      const head = this.#inFlight[this.#head++]!;
      const time = trailKeyTime(head.key) ?? 0;
      if (this.partition.timed) this.#ackedRecent.set(head.key, time);
      if (this.#ackedMax === undefined || head.key > this.#ackedMax) this.#ackedMax = head.key;
      moved = true;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#inFlight.length) {
      this.#inFlight = this.#inFlight.slice(this.#head);
      this.#head = 0;
    }
    if (moved && this.#ackedMax !== undefined) prune(this.#ackedRecent, (trailKeyTime(this.#ackedMax) ?? 0) - this.#lateness - MARGIN_MS);
    return moved;
  }

  /** The checkpoint to persist, or `undefined` before the first acknowledgement. */
  position(): PartitionPosition | undefined {
    if (this.#ackedMax === undefined) return undefined;
    const after = this.#ackedMax;
    return { after, recent: [...this.#ackedRecent.keys()].filter((key) => key !== after) };
  }

  /** Keys handed out and not yet acknowledged. */
  get inFlight(): number {
    return this.#inFlight.length - this.#head;
  }
}

interface InFlight {
  readonly key: string;
  acked: boolean;
}

/**
 * Drops the keys older than `before` from the front of `keys` (kept in the
 * order they were added, which listings make oldest first), stopping at the
 * first one still inside the window: constant time per key over a run, where
 * scanning every key at every new one cost the square of a dense window. A
 * late key added after newer ones stays until those expire too — a little
 * longer than needed, never too short.
 */
function prune(keys: Map<string, number>, before: number): void {
  for (const [key, time] of keys) {
    if (time >= before) return;
    keys.delete(key);
  }
}
