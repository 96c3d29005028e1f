import type { TrailEvent } from '../../event/trail-event.ts';
import { lowerBound } from './sorted-times.ts';
import { TimeOrderedEvents } from './time-ordered-events.ts';

/** A first-step event of a sequence; `event` is released once it has fired. */
export interface FirstEntry {
  readonly time: number;
  readonly id: string;
  event: TrailEvent | undefined;
}

/**
 * The state of one join key: its first-step events (pending or already
 * fired, so a redelivery never fires twice) and, per later step, the
 * qualifying events that a first event arriving late could still use.
 */
/** Past this many first events, a key also indexes their ids, so duplicate checks stay O(1) in a flood. */
const INDEX_FIRSTS_ABOVE = 32;

export class SequenceKey {
  readonly key: string;
  firsts: FirstEntry[] = [];
  #firstIds: Set<string> | undefined;
  /** Index `k − 1` holds step `k`'s events. */
  readonly later: (TimeOrderedEvents | undefined)[];
  removed = false;

  constructor(key: string, laterSteps: number) {
    this.key = key;
    this.later = new Array<TimeOrderedEvents | undefined>(laterSteps).fill(undefined);
  }

  laterList(index: number): TimeOrderedEvents | undefined {
    return this.later[index];
  }

  /** Starts step `index + 1`'s list with `event`. */
  startLater(index: number, event: TrailEvent): void {
    this.later[index] = new TimeOrderedEvents(event);
  }

  addFirst(entry: FirstEntry): void {
    // An exact one-slot array for the common single enumeration per key.
    if (this.firsts.length === 0) this.firsts = [entry];
    else this.firsts.push(entry);
    if (this.#firstIds !== undefined) this.#firstIds.add(entry.id);
    else if (this.firsts.length > INDEX_FIRSTS_ABOVE) this.#firstIds = new Set(this.firsts.map((f) => f.id));
  }

  hasFirst(id: string): boolean {
    if (this.#firstIds !== undefined) return this.#firstIds.has(id);
    const firsts = this.firsts;
    for (let i = 0; i < firsts.length; i++) if (firsts[i]!.id === id) return true;
    return false;
  }

  /** Drops the oldest first event (pending or fired), to stay within a cap. */
  dropOldestFirst(): void {
    const firsts = this.firsts;
    if (firsts.length === 0) return;
    let oldest = 0;
    for (let i = 1; i < firsts.length; i++) if (firsts[i]!.time < firsts[oldest]!.time) oldest = i;
    this.#firstIds?.delete(firsts[oldest]!.id);
    firsts.splice(oldest, 1);
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
    for (let k = 0; k < this.later.length; k++) {
      const list = this.later[k];
      if (list === undefined) return undefined;
      const times = list.times;
      let j = lowerBound(times, previous);
      while (j < times.length && isUsed(list.events[j]!.eventId, first, chain)) j++;
      if (j >= times.length || times[j]! > limit) return undefined;
      chain ??= [first];
      chain.push(list.events[j]!);
      previous = times[j]!;
    }
    return chain ?? [first];
  }

  /** Time of the oldest pending (not yet fired) first event, or `Infinity`. */
  oldestPending(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const entry of this.firsts) if (entry.event !== undefined && entry.time < oldest) oldest = entry.time;
    return oldest;
  }

  /** When every entry of this key is dead: the watermark beyond which nothing here can match. */
  expiry(maxSpan: number): number {
    let expiry = Number.NEGATIVE_INFINITY;
    for (const entry of this.firsts) if (entry.time + maxSpan > expiry) expiry = entry.time + maxSpan;
    for (const list of this.later) if (list !== undefined && list.lastTime() > expiry) expiry = list.lastTime();
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
    const firsts = this.firsts;
    const before = firsts.length;
    let kept = 0;
    for (let i = 0; i < before; i++) {
      const entry = firsts[i]!;
      if (entry.time + maxSpan >= watermark) firsts[kept++] = entry;
      else this.#firstIds?.delete(entry.id);
    }
    firsts.length = kept;
    if (kept <= INDEX_FIRSTS_ABOVE) this.#firstIds = undefined;
    let dropped = before - kept;
    const pendingFloor = Math.min(watermark, this.oldestPending());
    const last = this.later.length - 1;
    for (let k = 0; k <= last; k++) {
      const list = this.later[k];
      if (list === undefined) continue;
      dropped += list.dropBefore(k === last ? watermark : pendingFloor);
      if (list.length === 0) this.later[k] = undefined;
    }
    return dropped;
  }

  isEmpty(): boolean {
    return this.firsts.length === 0 && this.later.every((list) => list === undefined || list.length === 0);
  }
}

function isUsed(id: string, first: TrailEvent, chain: readonly TrailEvent[] | undefined): boolean {
  if (first.eventId === id) return true;
  if (chain === undefined) return false;
  for (let i = 1; i < chain.length; i++) if (chain[i]!.eventId === id) return true;
  return false;
}
