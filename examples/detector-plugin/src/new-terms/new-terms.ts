import {
  buildFinding,
  KeyedStateDetector,
  orUnknown,
  ReorderBuffer,
  selectedTest,
  unionInterest,
  type Detector,
  type EventTest,
  type FindingEmitter,
  type TrailEvent,
} from '@jackwatch/core';
import { KeyHistory, type KnownValue } from './key-history.ts';
import type { NewTermsSpec } from './new-terms-spec.ts';

const KNOWN_LIMIT = 10;

/**
 * The "new terms" primitive (after Elastic's new-terms rules, in event
 * time): per key, remembers the values of some terms (source IP, user
 * agent…) with when each was last seen, and fires on an event whose value
 * of a term the key was not seen with in the last `history`.
 *
 * Semantics, on events sorted by event time (ties by `eventID`): an event
 * whose key had no event in `[t − history, t]` starts the key's baseline,
 * and events up to `learning` after that start only teach. Any other event
 * fires once, anchored on its `eventID`, when at least one term's value was
 * not seen with the key in `[t − history, t]`; then it teaches its values.
 * So a new origin fires once, and its repeats are known.
 *
 * Exact under disorder within the allowed lateness: events wait until the
 * watermark passes them and are decided in sorted order (findings come
 * `lateness` after their event). A redelivered event never fires twice.
 * Bounded state: per key at most `maxValuesPerKey` values per term (the
 * stalest forgotten first), a key is dropped once the watermark passes its
 * last event by `history`, and at most `maxPending` events wait.
 *
 * @example
 * ```ts
 * newTerms({ meta, history: 7 * DAY, by: (e) => e.accessKeyId,
 *   select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel', 'Converse'] },
 *   terms: { sourceIp: (e) => e.sourceIp, userAgent: (e) => e.userAgent },
 *   finding: (m) => ({ group: { accessKeyId: m.key }, summary: `${m.key} from new ${m.newTerms.join(' and ')}` }) });
 * ```
 */
export function newTerms(spec: NewTermsSpec): Detector {
  if (!(spec.history > 0)) throw new RangeError(`newTerms ${spec.meta.id}: history must be positive, got ${spec.history}`);
  if (!((spec.learning ?? 0) >= 0)) throw new RangeError(`newTerms ${spec.meta.id}: learning must be >= 0, got ${spec.learning}`);
  if (Object.keys(spec.terms).length === 0) throw new RangeError(`newTerms ${spec.meta.id}: watch at least one term`);
  return new NewTermsDetector(spec);
}

class NewTermsDetector extends KeyedStateDetector<KeyHistory> {
  readonly #spec: NewTermsSpec;
  readonly #names: readonly string[];
  readonly #getters: readonly ((event: TrailEvent) => string | undefined)[];
  readonly #learning: number;
  readonly #cap: number;
  readonly #learns: EventTest;
  readonly #pending: ReorderBuffer;

  constructor(spec: NewTermsSpec) {
    super({ ...spec, interest: unionInterest([spec.select]), span: spec.history });
    this.#spec = spec;
    this.#learns = selectedTest(spec);
    this.#names = Object.keys(spec.terms);
    this.#getters = this.#names.map((name) => spec.terms[name]!);
    this.#learning = spec.learning ?? 0;
    this.#cap = Math.max(1, spec.maxValuesPerKey ?? 1000);
    this.#pending = new ReorderBuffer(Math.max(1, spec.maxPending ?? 100_000));
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    if (!this.#learns(event)) return;
    const key = this.#spec.by(event);
    if (key === undefined || key === '') return;
    const forced = this.#pending.push([event]);
    this.countOverflow(forced.length);
    this.#decide(forced, emit);
    // Beyond the allowed lateness: the watermark will not pass it again, decide now.
    if (event.time < this.watermark) this.#decide(this.#pending.release(this.watermark - 1), emit);
  }

  override onWatermark(watermark: number, emit: FindingEmitter): void {
    if (watermark <= this.watermark) return;
    // Strictly before the watermark: an event at the watermark's own time may still arrive.
    this.#decide(this.#pending.release(watermark - 1), emit);
    super.onWatermark(watermark, emit);
  }

  override flush(emit: FindingEmitter): void {
    this.#decide(this.#pending.drain(), emit);
    super.flush(emit);
  }

  override stateSize(): number {
    return super.stateSize() + this.#pending.size;
  }

  protected expire(history: KeyHistory, watermark: number): number | undefined {
    const expiry = history.lastSeen + this.span;
    if (expiry >= watermark) return expiry;
    this.addEntries(-history.size);
    return undefined;
  }

  #decide(events: readonly TrailEvent[], emit: FindingEmitter): void {
    for (const event of events) this.#apply(event, emit);
  }

  #apply(event: TrailEvent, emit: FindingEmitter): void {
    const key = this.#spec.by(event)!;
    const time = event.time;
    const values = this.#getters.map((get) => orUnknown(get(event)));
    let history = this.stateOf(key);
    if (history === undefined) {
      history = new KeyHistory(key, this.#names.length, time);
      this.track(history, time + this.span);
    } else if (history.lastSeen < time - this.span) {
      this.addEntries(-history.reset(time));
    } else {
      this.addEntries(-history.prune(time - this.span));
      if (time > history.baselineStart + this.#learning) this.#check(history, event, values, emit);
    }
    this.#learn(history, values, time);
  }

  #check(history: KeyHistory, event: TrailEvent, values: readonly string[], emit: FindingEmitter): void {
    const horizon = event.time - this.span;
    const fresh: string[] = [];
    for (let i = 0; i < values.length; i++) {
      const lastSeen = history.lastSeenOf(i, values[i]!);
      if (lastSeen === undefined || lastSeen < horizon) fresh.push(this.#names[i]!);
    }
    if (fresh.length === 0) return;
    const known: Record<string, readonly KnownValue[]> = {};
    const named: Record<string, string> = {};
    this.#names.forEach((name, i) => {
      known[name] = history.known(i, KNOWN_LIMIT);
      named[name] = values[i]!;
    });
    const content = this.#spec.finding({ key: history.key, event, newTerms: fresh, values: named, known, keyLastSeen: history.lastSeen });
    emit(buildFinding({ ...content, meta: this.meta, detectorId: this.id, anchor: event, evidence: [event] }));
  }

  #learn(history: KeyHistory, values: readonly string[], time: number): void {
    for (let i = 0; i < values.length; i++) {
      const { added, dropped } = history.learn(i, values[i]!, time, this.#cap);
      this.addEntries(added - dropped);
      this.countOverflow(dropped);
    }
    // The key's queued expiry may now be early: the base re-queues it when it comes up.
    if (time >= history.lastSeen) history.lastSeen = time;
  }
}
