import type { Detector, DetectorMeta, FindingEmitter } from '../component/detector.ts';
import type { Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Telemetry } from '../services/telemetry.ts';
import { DETECTION_COUNTERS } from './detector-spec.ts';
import { ExpiryQueue } from './internal/expiry-queue.ts';

/** The state a {@link KeyedStateDetector} keeps for one key (a group, a join key). */
export interface KeyState {
  /** The key it is stored under. */
  readonly key: string;
  /** Set by the base when the key is dropped, so a stale queue entry for it is skipped. */
  removed: boolean;
}

/** What a {@link KeyedStateDetector} needs to know: the detector's identity, interest and span. */
export interface KeyedStateOptions {
  readonly meta: DetectorMeta;
  /** The component id findings carry; defaults to `meta.id`. */
  readonly id?: string | undefined;
  readonly interest: Interest;
  /** The longest event-time span (ms) the rule relates events over. */
  readonly span: number;
  readonly telemetry?: Telemetry | undefined;
}

/**
 * The bookkeeping every stateful detector needs, done once: state per key,
 * evicted in event time as the watermark passes it (an expiry-ordered heap,
 * so a watermark costs only the keys that expire), the count of live entries
 * behind `stateSize()`, a watermark that never moves back, counters for
 * state dropped at a cap (`overflow`) and events absorbed after a firing,
 * reported to telemetry at each watermark, and a `flush` that leaves the
 * detector empty and ready for a replay from the beginning.
 *
 * A subclass implements `onEvent` with {@link stateOf} / {@link track} /
 * {@link addEntries}, and says how one key ages in {@link expire}.
 * `threshold`, `sequence` and `distinctCount` are built on it; so can a
 * plugin's own primitive.
 *
 * @example
 * ```ts
 * class LastSeen extends KeyedStateDetector<{ key: string; removed: boolean; time: number }> {
 *   onEvent(event: TrailEvent): void {
 *     const state = this.stateOf(event.accessKeyId ?? '');
 *     if (state === undefined) { this.track({ key: event.accessKeyId ?? '', removed: false, time: event.time }, event.time + this.span); this.addEntries(1); }
 *     else state.time = Math.max(state.time, event.time);
 *   }
 *   protected expire(state: { time: number }, watermark: number): number | undefined {
 *     if (state.time + this.span >= watermark) return state.time + this.span;
 *     this.addEntries(-1);
 *     return undefined;
 *   }
 * }
 * ```
 */
export abstract class KeyedStateDetector<S extends KeyState> implements Detector {
  readonly meta: DetectorMeta;
  readonly interest: Interest;
  readonly span: number;
  /** The component id findings carry. */
  protected readonly id: string;
  readonly #telemetry: Telemetry | undefined;
  readonly #keys = new Map<string, S>();
  readonly #queue = new ExpiryQueue<S>();
  #watermark = Number.NEGATIVE_INFINITY;
  #entries = 0;
  #overflow = 0;
  #absorbed = 0;

  protected constructor(options: KeyedStateOptions) {
    this.meta = options.meta;
    this.interest = options.interest;
    this.span = options.span;
    this.id = options.id ?? options.meta.id;
    this.#telemetry = options.telemetry;
  }

  abstract onEvent(event: TrailEvent, emit: FindingEmitter): void;

  /**
   * Ages one key whose queued expiry the watermark has passed: drop what the
   * watermark made useless (and {@link addEntries} the negative of it), then
   * return the key's next expiry, or `undefined` to drop the key (release its
   * remaining entries first).
   */
  protected abstract expire(state: S, watermark: number): number | undefined;

  onWatermark(watermark: number, _emit: FindingEmitter): void {
    if (watermark <= this.#watermark) return;
    this.#watermark = watermark;
    for (let state = this.#queue.popBelow(watermark); state !== undefined; state = this.#queue.popBelow(watermark)) {
      if (state.removed) continue;
      const next = this.expire(state, watermark);
      if (next === undefined) this.#drop(state);
      // Never below the watermark: popBelow is strict, so this pass cannot see the key again.
      else this.#queue.push(state, Math.max(next, watermark));
    }
    this.#report();
  }

  flush(_emit: FindingEmitter): void {
    this.#report();
    for (const state of this.#keys.values()) state.removed = true;
    this.#keys.clear();
    this.#queue.clear();
    this.#entries = 0;
    // Ready for a new input from its beginning (a replay).
    this.#watermark = Number.NEGATIVE_INFINITY;
  }

  /** Live keys plus the entries they hold. */
  stateSize(): number {
    return this.#keys.size + this.#entries;
  }

  /** The newest watermark seen (`-Infinity` before the first). */
  protected get watermark(): number {
    return this.#watermark;
  }

  /** The state of `key`, if it is live. */
  protected stateOf(key: string): S | undefined {
    return this.#keys.get(key);
  }

  /** Starts keeping `state` until the watermark passes `expiry` (then {@link expire} decides). */
  protected track(state: S, expiry: number): void {
    this.#keys.set(state.key, state);
    this.#queue.push(state, expiry);
  }

  /** Counts entries added to (or, negative, released from) the live state. */
  protected addEntries(count: number): void {
    this.#entries += count;
  }

  /** Counts entries dropped at a cap: a finding may be missed (`jackwatch.detector.state.overflow`). */
  protected countOverflow(count: number): void {
    this.#overflow += count;
  }

  /** Counts events that fell into a re-arming group and count toward no finding (`jackwatch.detector.events.absorbed`). */
  protected countAbsorbed(count: number): void {
    this.#absorbed += count;
  }

  /** Every live key's state, for a subclass that must visit them all (at flush, say). */
  protected liveStates(): IterableIterator<S> {
    return this.#keys.values();
  }

  #drop(state: S): void {
    state.removed = true;
    this.#keys.delete(state.key);
  }

  #report(): void {
    if (this.#overflow > 0) this.#telemetry?.add(DETECTION_COUNTERS.overflow, this.#overflow, { detector: this.id });
    if (this.#absorbed > 0) this.#telemetry?.add(DETECTION_COUNTERS.absorbed, this.#absorbed, { detector: this.id });
    this.#overflow = 0;
    this.#absorbed = 0;
  }
}
