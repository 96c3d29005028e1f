import {
  buildFinding,
  compactStateKey,
  compareEventTime,
  KeyedStateDetector,
  orUnknown,
  selectedTest,
  unionInterest,
  type Detector,
  type DetectorSpec,
  type EventTest,
  type Finding,
  type FindingEmitter,
  type KeyState,
  type Selected,
  type TrailEvent,
} from '@jackwatch/core';

/** One decided window of a {@link windowCount} rule, handed to its `finding` callback. */
export interface WindowFiring {
  readonly group: Readonly<Record<string, string>>;
  /** Events counted (or, with `value`, distinct values) in the window. */
  readonly count: number;
  /** With `value`: the distinct values, in the order their first event came in the window. */
  readonly values: readonly string[];
  /** The window's earliest events (at most `maxEvidence`), time-ordered; the first anchors the finding. */
  readonly events: readonly TrailEvent[];
  /** Window start and end (ms; the end is exclusive). */
  readonly start: number;
  readonly end: number;
}

/** A count condition with an upper bound, decided per fixed window: {@link windowCount}. */
export interface WindowCountSpec extends DetectorSpec, Selected {
  readonly groupBy: Readonly<Record<string, (event: TrailEvent) => string | undefined>>;
  /** Count distinct values of this instead of events (an event without one is not counted). */
  readonly value?: (event: TrailEvent) => string | undefined;
  /** Window length (ms); windows are `[k × window, (k + 1) × window)` in epoch time. */
  readonly window: number;
  readonly atLeast: number;
  readonly atMost: number;
  /** Most events carried as evidence (default 20). */
  readonly maxEvidence?: number;
  finding(firing: WindowFiring): { readonly summary: string; readonly details?: Readonly<Record<string, unknown>> };
}

/**
 * Counts per group in fixed event-time windows aligned on the epoch and
 * fires, once the watermark has passed a window's end, for each group whose
 * count lies in `[atLeast, atMost]`. For conditions with an upper bound
 * (`lt`, `lte`, `eq`, ranges), which no event can decide early: a later
 * event could still push the count past the bound.
 *
 * Order-invariant within the allowed lateness (the count, the values and
 * the anchor — the window's first event in reference order — do not depend
 * on arrival order); an event whose window was already decided is counted
 * as absorbed and ignored. A group that no event touched has no window, so
 * a count of 0 never fires. State per window is bounded by `atMost`: past
 * it the window is dead and forgets its events.
 */
export function windowCount(spec: WindowCountSpec): Detector {
  if (!(spec.window > 0)) throw new RangeError(`windowCount ${spec.meta.id}: window must be positive`);
  if (!(spec.atLeast >= 1 && spec.atMost >= spec.atLeast)) throw new RangeError(`windowCount ${spec.meta.id}: needs 1 <= atLeast <= atMost`);
  return new WindowCountDetector(spec);
}

class Bucket implements KeyState {
  readonly key: string;
  readonly start: number;
  removed = false;
  /** Past `atMost`: the window can no longer fire. */
  dead = false;
  count = 0;
  /** Event ids counted (event counting) or distinct values → their first event (value counting). */
  readonly seen = new Map<string, TrailEvent>();
  evidence: TrailEvent[] = [];

  constructor(key: string, start: number) {
    this.key = key;
    this.start = start;
  }
}

class WindowCountDetector extends KeyedStateDetector<Bucket> {
  readonly #spec: WindowCountSpec;
  readonly #selects: EventTest;
  readonly #names: readonly string[];
  readonly #maxEvidence: number;
  #decided: Finding[] = [];

  constructor(spec: WindowCountSpec) {
    super({ ...spec, interest: unionInterest([spec.select]), span: spec.window });
    this.#spec = spec;
    this.#selects = selectedTest(spec);
    this.#names = Object.keys(spec.groupBy);
    this.#maxEvidence = Math.max(1, spec.maxEvidence ?? 20);
  }

  onEvent(event: TrailEvent): void {
    if (!this.#selects(event)) return;
    const value = this.#spec.value?.(event);
    if (this.#spec.value !== undefined && value === undefined) return;
    const start = Math.floor(event.time / this.span) * this.span;
    if (start + this.span <= this.watermark) {
      this.countAbsorbed(1);
      return;
    }
    const key = this.#key(event, start);
    let bucket = this.stateOf(key);
    if (bucket === undefined) {
      bucket = new Bucket(key, start);
      this.track(bucket, start + this.span - 1);
      this.addEntries(1);
    }
    if (bucket.dead) return;
    const seenKey = value ?? event.eventId;
    if (bucket.seen.has(seenKey)) {
      if (value !== undefined && compareEventTime(event, bucket.seen.get(seenKey)!) < 0) bucket.seen.set(seenKey, event);
      this.#keepEvidence(bucket, event);
      return;
    }
    bucket.seen.set(seenKey, event);
    bucket.count++;
    this.addEntries(1);
    if (bucket.count > this.#spec.atMost) {
      this.addEntries(-(bucket.seen.size + bucket.evidence.length));
      bucket.dead = true;
      bucket.seen.clear();
      bucket.evidence = [];
      return;
    }
    this.#keepEvidence(bucket, event);
  }

  override onWatermark(watermark: number, emit: FindingEmitter): void {
    super.onWatermark(watermark, emit);
    this.#emitDecided(emit);
  }

  override flush(emit: FindingEmitter): void {
    // End of input: every window is complete.
    for (const bucket of this.liveStates()) if (!bucket.removed) this.#decide(bucket);
    this.#emitDecided(emit);
    super.flush(emit);
  }

  protected expire(bucket: Bucket): number | undefined {
    this.#decide(bucket);
    this.addEntries(-(1 + bucket.seen.size + bucket.evidence.length));
    return undefined;
  }

  #decide(bucket: Bucket): void {
    if (bucket.dead || bucket.count < this.#spec.atLeast) return;
    const events = bucket.evidence;
    const anchor = events[0]!;
    const values = this.#spec.value === undefined ? [] : [...bucket.seen.entries()].sort((a, b) => compareEventTime(a[1], b[1])).map(([value]) => value);
    const group: Record<string, string> = {};
    for (const name of this.#names) group[name] = orUnknown(this.#spec.groupBy[name]!(anchor));
    const end = bucket.start + this.span;
    const content = this.#spec.finding({ group, count: bucket.count, values, events, start: bucket.start, end });
    this.#decided.push(
      buildFinding({
        meta: this.meta,
        detectorId: this.id,
        anchor,
        evidence: events,
        group,
        summary: content.summary,
        ...(content.details === undefined ? {} : { details: content.details }),
      }),
    );
    bucket.dead = true;
  }

  #emitDecided(emit: FindingEmitter): void {
    if (this.#decided.length === 0) return;
    const decided = this.#decided;
    this.#decided = [];
    for (const finding of decided) emit(finding);
  }

  // The earliest events of the window, in reference order.
  #keepEvidence(bucket: Bucket, event: TrailEvent): void {
    const list = bucket.evidence;
    if (list.some((e) => e.eventId === event.eventId)) return;
    if (list.length >= this.#maxEvidence && compareEventTime(event, list[list.length - 1]!) >= 0) return;
    let at = list.length;
    while (at > 0 && compareEventTime(event, list[at - 1]!) < 0) at--;
    list.splice(at, 0, event);
    this.addEntries(1);
    if (list.length > this.#maxEvidence) {
      list.pop();
      this.addEntries(-1);
    }
  }

  #key(event: TrailEvent, start: number): string {
    let key = String(start);
    for (const name of this.#names) key += '\u0000' + orUnknown(this.#spec.groupBy[name]!(event));
    return compactStateKey(key);
  }
}
