import type { Detector, FindingEmitter } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { buildFinding } from './build-finding.ts';
import type { DetectorSpec } from './detector-spec.ts';
import { GroupFields } from './internal/group-fields.ts';
import { DistinctGroup } from './internal/distinct-group.ts';
import { WindowedGroupDetector } from './internal/windowed-group-detector.ts';
import { checkSelected, selectedTest, unionInterest, type EventTest, type Selected } from './selection.ts';

/** One firing of a {@link distinctCount} rule, handed to its `finding` callback. */
export interface DistinctCountFiring {
  /** The group's field values (`'unknown'` where an event lacks one). */
  readonly group: Readonly<Record<string, string>>;
  /** The distinct values of the firing window, in the order they first appear in it. */
  readonly values: readonly string[];
  /** Per distinct value, its first event in the firing window (same order as `values`); the anchor is the last value's. */
  readonly events: readonly TrailEvent[];
  /** The event that brought the `atLeast`-th distinct value. */
  readonly anchor: TrailEvent;
}

/** A distinct-values rule: {@link distinctCount}. */
export interface DistinctCountSpec extends DetectorSpec, Selected {
  /** Group fields: name → value of an event. A missing value groups as `'unknown'`, never drops the event. */
  readonly groupBy: Readonly<Record<string, (event: TrailEvent) => string | undefined>>;
  /** The counted value of an event (a field, or a function such as a kill-chain stage); an event without one is not counted. Called once per event: the value is kept beside it. */
  distinct(event: TrailEvent): string | undefined;
  /** The rule fires when a window holds at least this many distinct values (≥ 1). */
  readonly atLeast: number;
  /** Sliding event-time window (ms); `[t − window, t]` is inclusive at both ends. */
  readonly window: number;
  /** What the finding says; `group` defaults to the group's field values. */
  finding(firing: DistinctCountFiring): { readonly summary: string; readonly details?: Readonly<Record<string, unknown>>; readonly group?: Readonly<Record<string, string>> };
}

/**
 * The distinct-count primitive: per group, fires once at the first event `t`
 * (in event-time order, ties by `eventID`) such that the sliding window
 * `[t − window, t]` holds at least `atLeast` distinct values of the counted
 * value, anchored on that event's `eventID` — the event that brought the last
 * value needed. The group then re-arms at `t + window`: its events before
 * then are absorbed (counted in telemetry, not re-alerted) and counting
 * restarts from there.
 *
 * Exact on time-ordered input. Under disorder within the allowed lateness it
 * never misses a group the sorted semantics fires for (it may anchor on
 * another event of the same burst). State is bounded by the distinct values:
 * an occurrence of a value is kept only while no window needs it less than
 * the same value's neighbours (of three occurrences spanning at most
 * `window`, the middle one adds nothing to any window), so a group holds at
 * most about two occurrences per distinct value and window-length of
 * lateness, however many events repeat those values.
 *
 * @example
 * ```ts
 * distinctCount({ meta, window: 3_600_000, atLeast: 3,
 *   select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel', 'Converse'] },
 *   where: (e) => e.outcome === 'success',
 *   groupBy: { accessKeyId: (e) => e.accessKeyId }, distinct: (e) => e.region,
 *   finding: (f) => ({ summary: `${f.group.accessKeyId} invoked models in ${f.values.join(', ')}` }) });
 * ```
 */
export function distinctCount(spec: DistinctCountSpec): Detector {
  checkSelected(spec);
  if (!(spec.window > 0)) throw new RangeError(`distinctCount ${spec.meta.id}: window must be positive, got ${spec.window}`);
  if (!(Number.isInteger(spec.atLeast) && spec.atLeast >= 1)) throw new RangeError(`distinctCount ${spec.meta.id}: atLeast must be an integer >= 1, got ${spec.atLeast}`);
  return new DistinctCountDetector(spec);
}

class DistinctCountDetector extends WindowedGroupDetector<DistinctGroup> {
  readonly #spec: DistinctCountSpec;
  readonly #counts: EventTest;
  readonly #fields: GroupFields;

  constructor(spec: DistinctCountSpec) {
    super({ ...spec, interest: unionInterest([spec.select]), span: spec.window });
    this.#spec = spec;
    this.#counts = selectedTest(spec);
    this.#fields = new GroupFields(spec.groupBy);
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    if (!this.#counts(event)) return;
    const value = this.#spec.distinct(event);
    if (value === undefined) return;
    const key = this.#fields.key(event);
    let group = this.stateOf(key);
    if (group === undefined) {
      group = new DistinctGroup(key);
      this.track(group, event.time + this.span);
    }
    if (this.absorbs(group, event.time)) return;
    const index = group.add(event, value);
    if (index < 0) return;
    this.addEntries(1);
    const kept = this.#pruneAround(group, index, value);
    if (kept >= 0) this.#check(group, kept, emit);
  }

  // Of three occurrences a < b < c of one value with c − a ≤ window, every
  // window holding b holds a or c: b changes no count and cannot be the
  // event that brings a value, so it goes. Returns the new event's index,
  // or -1 when the new event itself was the redundant one.
  #pruneAround(group: DistinctGroup, index: number, value: string): number {
    const [before, beforeThat] = this.#sameValue(group, index, value, -1);
    const [after, afterThat] = this.#sameValue(group, index, value, +1);
    const time = group.timeAt(index);
    if (before >= 0 && after >= 0 && group.timeAt(after) - group.timeAt(before) <= this.span) {
      this.#remove(group, index);
      return -1;
    }
    let at = index;
    if (afterThat >= 0 && group.timeAt(afterThat) - time <= this.span) this.#remove(group, after);
    if (beforeThat >= 0 && time - group.timeAt(beforeThat) <= this.span) {
      this.#remove(group, before);
      at--;
    }
    return at;
  }

  // The nearest two occurrences of `value` from `index` in direction `step`, within one window of it (-1 where none).
  #sameValue(group: DistinctGroup, index: number, value: string, step: -1 | 1): [number, number] {
    const time = group.timeAt(index);
    const found: [number, number] = [-1, -1];
    let n = 0;
    for (let i = index + step; i >= 0 && i < group.length && n < 2; i += step) {
      if (Math.abs(group.timeAt(i) - time) > this.span) break;
      if (group.valueAt(i) === value) found[n++] = i;
    }
    return found;
  }

  #remove(group: DistinctGroup, index: number): void {
    group.dropRange(index, index + 1);
    this.addEntries(-1);
  }

  // Only windows ending at or after the new event, within one window of it,
  // can have changed; fire at the first that holds enough distinct values.
  #check(group: DistinctGroup, index: number, emit: FindingEmitter): void {
    const limit = group.timeAt(index) + this.span;
    for (let end = index; end < group.length && group.timeAt(end) <= limit; end++) {
      const from = group.lowerBound(group.timeAt(end) - this.span);
      const seen = new Set<string>();
      for (let i = from; i <= end; i++) seen.add(group.valueAt(i));
      // The first such window ends at an event that brought a value: had its value
      // been in the window already, the window of the event before it would count as many.
      if (seen.size >= this.#spec.atLeast) {
        this.#fire(group, from, end, emit);
        return;
      }
    }
  }

  #fire(group: DistinctGroup, from: number, end: number, emit: FindingEmitter): void {
    const anchor = group.eventAt(end);
    const firsts = new Map<string, TrailEvent>();
    for (let i = from; i <= end; i++) {
      const value = group.valueAt(i);
      if (!firsts.has(value)) firsts.set(value, group.eventAt(i));
    }
    this.rearm(group, end, anchor.time);
    const groupValues = this.#fields.values(anchor);
    const events = [...firsts.values()];
    const content = this.#spec.finding({ group: groupValues, values: [...firsts.keys()], events, anchor });
    emit(
      buildFinding({
        meta: this.meta,
        detectorId: this.id,
        anchor,
        evidence: events,
        group: content.group ?? groupValues,
        summary: content.summary,
        ...(content.details === undefined ? {} : { details: content.details }),
        time: anchor.time,
        firstTime: events[0]!.time,
        lastTime: anchor.time,
      }),
    );
  }
}
