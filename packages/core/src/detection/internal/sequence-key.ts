import type { TrailEvent } from '../../event/trail-event.ts';
import { TimeOrderedEvents } from './time-ordered-events.ts';

/** A first-step event that has fired: only what a redelivery and eviction need of it is kept. */
export interface FiredFirst {
  readonly time: number;
  readonly eventId: string;
  readonly fired: true;
}

/** A first-step event of a sequence: pending (the event itself, evidence for a later chain) or fired. */
export type FirstEntry = TrailEvent | FiredFirst;

/** True for a first event that has not fired yet. */
export function isPending(entry: FirstEntry): entry is TrailEvent {
  return !('fired' in entry);
}

/** What a first event leaves once it has fired. */
export function firedFirst(entry: FirstEntry): FiredFirst {
  return { time: entry.time, eventId: entry.eventId, fired: true };
}

/** Past this many first events, a key also indexes their ids, so duplicate checks stay O(1) in a flood. */
const INDEX_FIRSTS_ABOVE = 32;

/**
 * The state of one join key: its first-step events (pending or already
 * fired, so a redelivery never fires twice) and, per later step, the
 * qualifying events that a first event arriving late could still use.
 */
export class SequenceKey {
  readonly key: string;
  // Most keys hold one first event and nothing else: it is held alone, and the later-step lists come with their first event.
  #first: FirstEntry | undefined;
  #firsts: FirstEntry[] | undefined;
  #firstIds: Set<string> | undefined;
  /** Index `k − 1` holds step `k`'s events. */
  #later: (TimeOrderedEvents | undefined)[] | undefined;
  readonly #laterSteps: number;
  removed = false;

  constructor(key: string, laterSteps: number) {
    this.key = key;
    this.#laterSteps = laterSteps;
  }

  /** How many first events (pending or fired) are held. */
  get firstCount(): number {
    return this.#firsts !== undefined ? this.#firsts.length : this.#first === undefined ? 0 : 1;
  }

  /** The first event entry at `index` (`0 ≤ index < firstCount`). */
  firstAt(index: number): FirstEntry {
    return this.#firsts !== undefined ? this.#firsts[index]! : this.#first!;
  }

  laterList(index: number): TimeOrderedEvents | undefined {
    return this.#later?.[index];
  }

  /** Starts step `index + 1`'s list with `event`. */
  startLater(index: number, event: TrailEvent): void {
    this.#later ??= new Array<TimeOrderedEvents | undefined>(this.#laterSteps).fill(undefined);
    this.#later[index] = new TimeOrderedEvents(event);
  }

  /** Replaces the pending first event at `index` by what it leaves once fired. */
  markFired(index: number): void {
    const fired = firedFirst(this.firstAt(index));
    if (this.#firsts === undefined) this.#first = fired;
    else this.#firsts[index] = fired;
  }

  addFirst(entry: FirstEntry): void {
    if (this.#firsts === undefined && this.#first === undefined) {
      this.#first = entry;
      return;
    }
    if (this.#firsts === undefined) {
      this.#firsts = [this.#first!];
      this.#first = undefined;
    }
    this.#firsts.push(entry);
    if (this.#firstIds !== undefined) this.#firstIds.add(entry.eventId);
    else if (this.#firsts.length > INDEX_FIRSTS_ABOVE) this.#firstIds = new Set(this.#firsts.map((f) => f.eventId));
  }

  hasFirst(id: string): boolean {
    if (this.#firstIds !== undefined) return this.#firstIds.has(id);
    const n = this.firstCount;
    for (let i = 0; i < n; i++) if (this.firstAt(i).eventId === id) return true;
    return false;
  }

  /** Drops the oldest first event (pending or fired), to stay within a cap. */
  dropOldestFirst(): void {
    const n = this.firstCount;
    if (n === 0) return;
    let oldest = 0;
    for (let i = 1; i < n; i++) if (this.firstAt(i).time < this.firstAt(oldest).time) oldest = i;
    this.#firstIds?.delete(this.firstAt(oldest).eventId);
    if (this.#firsts === undefined) this.#first = undefined;
    else this.#firsts.splice(oldest, 1);
    this.#compactFirsts();
  }

  /**
   * The earliest chain that starts at `first` and takes one distinct event
   * per later step, each no earlier than the previous, all within `maxSpan`
   * of the first; `undefined` when there is none. Greedy earliest choice is
   * optimal: any chain can be shifted onto earlier events step by step.
   */
  chainFrom(first: TrailEvent, maxSpan: number): TrailEvent[] | undefined {
    const limit = first.time + maxSpan;
    let previous = first.time;
    let chain: TrailEvent[] | undefined;
    for (let k = 0; k < this.#laterSteps; k++) {
      const list = this.#later?.[k];
      if (list === undefined) return undefined;
      let j = list.lowerBound(previous);
      while (j < list.length && isUsed(list.eventAt(j).eventId, first, chain)) j++;
      if (j >= list.length || list.timeAt(j) > limit) return undefined;
      chain ??= [first];
      chain.push(list.eventAt(j));
      previous = list.timeAt(j);
    }
    return chain ?? [first];
  }

  /** Time of the oldest pending (not yet fired) first event, or `Infinity`. */
  oldestPending(): number {
    let oldest = Number.POSITIVE_INFINITY;
    const n = this.firstCount;
    for (let i = 0; i < n; i++) {
      const entry = this.firstAt(i);
      if (entry.time < oldest && isPending(entry)) oldest = entry.time;
    }
    return oldest;
  }

  /** When every entry of this key is dead: the watermark beyond which nothing here can match. */
  expiry(maxSpan: number): number {
    let expiry = Number.NEGATIVE_INFINITY;
    const n = this.firstCount;
    for (let i = 0; i < n; i++) expiry = Math.max(expiry, this.firstAt(i).time + maxSpan);
    for (const list of this.#later ?? []) if (list !== undefined) expiry = Math.max(expiry, list.lastTime());
    return expiry;
  }

  /**
   * Drops what the watermark has made useless and returns how many entries
   * left: first events once `watermark > time + maxSpan`; last-step events
   * once older than the watermark (only a first event arriving from now on,
   * at or after the watermark, could still use them); intermediate-step
   * events also while a pending first event older than the watermark needs them.
   */
  evict(watermark: number, maxSpan: number): number {
    const before = this.firstCount;
    if (this.#firsts === undefined) {
      if (this.#first !== undefined && this.#first.time + maxSpan < watermark) this.#first = undefined;
    } else {
      const firsts = this.#firsts;
      let kept = 0;
      for (let i = 0; i < before; i++) {
        const entry = firsts[i]!;
        if (entry.time + maxSpan >= watermark) firsts[kept++] = entry;
        else this.#firstIds?.delete(entry.eventId);
      }
      firsts.length = kept;
      if (kept <= INDEX_FIRSTS_ABOVE) this.#firstIds = undefined;
      this.#compactFirsts();
    }
    let dropped = before - this.firstCount;
    const later = this.#later;
    if (later === undefined) return dropped;
    const pendingFloor = Math.min(watermark, this.oldestPending());
    const last = later.length - 1;
    for (let k = 0; k <= last; k++) {
      const list = later[k];
      if (list === undefined) continue;
      dropped += list.dropBefore(k === last ? watermark : pendingFloor);
      if (list.length === 0) later[k] = undefined;
    }
    if (later.every((list) => list === undefined)) this.#later = undefined;
    return dropped;
  }

  isEmpty(): boolean {
    return this.firstCount === 0 && this.#later === undefined;
  }

  // One first event left goes back to being held alone.
  #compactFirsts(): void {
    if (this.#firsts === undefined || this.#firsts.length > 1) return;
    this.#first = this.#firsts[0];
    this.#firsts = undefined;
    this.#firstIds = undefined;
  }
}

function isUsed(id: string, first: TrailEvent, chain: readonly TrailEvent[] | undefined): boolean {
  if (first.eventId === id) return true;
  if (chain === undefined) return false;
  for (let i = 1; i < chain.length; i++) if (chain[i]!.eventId === id) return true;
  return false;
}
