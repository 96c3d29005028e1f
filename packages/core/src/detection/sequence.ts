import type { Detector, FindingEmitter } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { buildFinding, type FindingContent } from './build-finding.ts';
import type { DetectorSpec } from './detector-spec.ts';
import { checkSelected, selectedTest, unionInterest, type EventTest, type Selected } from './selection.ts';
import { firedFirst, isPending, SequenceKey } from './internal/sequence-key.ts';
import { KeyedStateDetector } from './keyed-state-detector.ts';

/** One step of a {@link sequence}: the events it selects (and `where` accepts) can play it. */
export interface SequenceStep extends Selected {
  /** For people and docs, e.g. `enumeration`. */
  readonly name: string;
}

/** A completed sequence, handed to the rule's `finding` callback. */
export interface SequenceMatch {
  /** The join key value. */
  readonly key: string;
  /** One event per step, in step order; `events[0]` anchors the finding. */
  readonly events: readonly TrailEvent[];
}

/** An ordered-steps rule: {@link sequence}. */
export interface SequenceSpec extends DetectorSpec {
  /** The join key of an event; events without one are ignored. */
  by(event: TrailEvent): string | undefined;
  /** Longest event-time span (ms) from the first step to the last, inclusive. */
  readonly maxSpan: number;
  /** Two or more steps, in order. */
  readonly steps: readonly SequenceStep[];
  /** Cap on first-step entries and on stored events per later step, per key (default 10 000); overflow is counted. */
  readonly maxEntriesPerKey?: number;
  /** What the finding says about one completed sequence. */
  finding(match: SequenceMatch): FindingContent;
}

/**
 * The ordered-steps primitive: events joined by `by`, one finding per
 * first-step event that is followed — within `maxSpan`, by one distinct event
 * per later step, each at the same time as or after the previous one (CloudTrail
 * has one-second resolution, so the same second counts). The finding is
 * anchored on the first-step event's `eventID`; its evidence is that event and
 * the earliest followers seen.
 *
 * The finding ids do not depend on arrival order within the allowed lateness:
 * per key it keeps first-step events until `watermark > t + maxSpan` (fired
 * ones by id only, so a redelivery never fires twice) and later-step events
 * while a first-step event that could use them may still arrive. Later-step
 * events are deduplicated per timestamp (the smallest `eventID`s are kept),
 * so a flood of invocations costs one entry per second.
 *
 * @example
 * ```ts
 * const bedrock = (...eventNames: string[]) => ({ eventSource: 'bedrock.amazonaws.com', eventNames });
 * sequence({ meta, maxSpan: 15 * 60_000, by: (e) => e.accessKeyId,
 *   steps: [
 *     { name: 'enumeration', select: bedrock('ListFoundationModels'), where: (e) => e.outcome === 'success' },
 *     { name: 'invocation', select: bedrock('InvokeModel'), where: (e) => e.outcome === 'success' },
 *   ],
 *   finding: ({ key, events }) => ({ group: { accessKeyId: key }, summary: `${key} enumerated then invoked` }) });
 * ```
 */
export function sequence(spec: SequenceSpec): Detector {
  for (const step of spec.steps) checkSelected(step);
  if (spec.steps.length < 2 || spec.steps.length > 30) throw new RangeError(`sequence ${spec.meta.id}: needs 2 to 30 steps, got ${spec.steps.length}`);
  if (!(spec.maxSpan >= 0)) throw new RangeError(`sequence ${spec.meta.id}: maxSpan must be >= 0, got ${spec.maxSpan}`);
  return new SequenceDetector(spec);
}

class SequenceDetector extends KeyedStateDetector<SequenceKey> {
  readonly #spec: SequenceSpec;
  readonly #steps: readonly EventTest[];
  readonly #cap: number;

  constructor(spec: SequenceSpec) {
    super({ ...spec, interest: unionInterest(spec.steps.map((step) => step.select)), span: spec.maxSpan });
    this.#spec = spec;
    this.#steps = spec.steps.map(selectedTest);
    this.#cap = Math.max(1, spec.maxEntriesPerKey ?? 10_000);
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    const steps = this.#steps;
    let roles = 0;
    for (let k = 0; k < steps.length; k++) if (steps[k]!(event)) roles |= 1 << k;
    if (roles === 0) return;
    const key = this.#spec.by(event);
    if (key === undefined || key === '') return;
    let state = this.stateOf(key);
    const fresh = state === undefined;
    state ??= new SequenceKey(key, steps.length - 1);
    let stored = false;
    for (let k = 1; k < steps.length; k++) if ((roles & (1 << k)) !== 0 && this.#storeLater(state, k - 1, event)) stored = true;
    if ((roles & 1) !== 0) this.#addFirst(state, event, emit);
    if (stored) this.#completePending(state, event, emit);
    if (fresh) this.track(state, state.expiry(this.span));
  }

  protected expire(state: SequenceKey, watermark: number): number | undefined {
    this.addEntries(-state.evict(watermark, this.span));
    return state.isEmpty() ? undefined : state.expiry(this.span);
  }

  #storeLater(state: SequenceKey, index: number, event: TrailEvent): boolean {
    const list = state.laterList(index);
    if (list === undefined) {
      state.startLater(index, event);
      this.addEntries(1);
      return true;
    }
    // A chain uses at most one event per step, so `steps` events per timestamp always suffice.
    const before = list.length;
    if (list.insert(event, this.#steps.length) < 0) return false;
    this.addEntries(list.length - before);
    if (list.length > this.#cap) {
      list.dropFirst(1);
      this.addEntries(-1);
      this.countOverflow(1);
    }
    return true;
  }

  #addFirst(state: SequenceKey, event: TrailEvent, emit: FindingEmitter): void {
    if (state.hasFirst(event.eventId)) return;
    if (state.firstCount >= this.#cap) this.#makeRoomForFirst(state);
    const chain = state.chainFrom(event, this.span);
    state.addFirst(chain === undefined ? event : firedFirst(event));
    this.addEntries(1);
    if (chain !== undefined) this.#emit(state.key, chain, emit);
  }

  // A later-step event can complete the chains of pending first events up to maxSpan before it.
  #completePending(state: SequenceKey, event: TrailEvent, emit: FindingEmitter): void {
    for (let i = 0; i < state.firstCount; i++) {
      const first = state.firstAt(i);
      if (!isPending(first) || first.time > event.time || event.time - first.time > this.span) continue;
      const chain = state.chainFrom(first, this.span);
      if (chain === undefined) continue;
      state.markFired(i);
      this.#emit(state.key, chain, emit);
    }
  }

  #makeRoomForFirst(state: SequenceKey): void {
    this.addEntries(-state.evict(this.watermark, this.span));
    while (state.firstCount >= this.#cap) {
      state.dropOldestFirst();
      this.addEntries(-1);
      this.countOverflow(1);
    }
  }

  #emit(key: string, chain: readonly TrailEvent[], emit: FindingEmitter): void {
    const content = this.#spec.finding({ key, events: chain });
    emit(buildFinding({ ...content, meta: this.meta, detectorId: this.id, anchor: chain[0]!, evidence: chain }));
  }
}
