import type { Detector, FindingEmitter } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { buildFinding } from './build-finding.ts';
import type { DetectorSpec } from './detector-spec.ts';
import { checkSelected, selectedTest, unionInterest, type EventTest, type Selected } from './selection.ts';
import { GroupFields } from './internal/group-fields.ts';
import { TimeOrderedEvents } from './internal/time-ordered-events.ts';
import { WindowedGroupDetector, type WindowGroup } from './internal/windowed-group-detector.ts';

/** One firing of a {@link threshold} rule, handed to its `finding` callback. */
export interface ThresholdFiring {
  /** The group's field values (`'unknown'` where an event lacks one). */
  readonly group: Readonly<Record<string, string>>;
  /** Every counted event of the firing window, time-ordered; the last is the anchor. */
  readonly events: readonly TrailEvent[];
  /** The event at which the count first exceeded the threshold. */
  readonly anchor: TrailEvent;
  /** Events in the firing window (`> threshold`). */
  readonly count: number;
}

/** A counting rule: {@link threshold}. The events it selects (and `where` accepts) count. */
export interface ThresholdSpec extends DetectorSpec, Selected {
  /** Group fields: name → value of an event. A missing value groups as `'unknown'`, never drops the event. */
  readonly groupBy: Readonly<Record<string, (event: TrailEvent) => string | undefined>>;
  /** Sliding event-time window (ms); `[t − window, t]` is inclusive at both ends. */
  readonly window: number;
  /** The rule fires when a window holds more than this many events. */
  readonly threshold: number;
  /** Most events carried as evidence (the earliest of the window and the anchor); default 20. */
  readonly maxEvidence?: number;
  /** What the finding says; `group` defaults to the group's field values. */
  finding(firing: ThresholdFiring): { readonly summary: string; readonly details?: Readonly<Record<string, unknown>>; readonly group?: Readonly<Record<string, string>> };
}

/**
 * The counting primitive: per group, fires once at the first event `t` such
 * that the sliding window `[t − window, t]` holds more than `threshold`
 * events, anchored on that event's `eventID`. The group then re-arms at
 * `t + window`: its events before then are absorbed (counted in telemetry,
 * not re-alerted) and counting restarts from there.
 *
 * Exact on time-ordered input (ties by `eventID`). Under disorder within the
 * allowed lateness it never misses a group the sorted semantics fires for:
 * events are kept sorted, duplicates (same `eventID`) are ignored, and each
 * insert re-checks only the windows that contain it. Per group, memory holds
 * at most about `threshold × (2 + lateness / window)` events, and a group is
 * evicted once the watermark passes its newest event by `window`.
 *
 * @example
 * ```ts
 * threshold({ meta, window: 3_600_000, threshold: 9,
 *   select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['ListFoundationModels'] },
 *   where: (e) => e.outcome === 'failure',
 *   groupBy: { user: (e) => e.userName, src: (e) => e.sourceIp },
 *   finding: (f) => ({ summary: `${f.group.user} failed ${f.count} times` }) });
 * ```
 */
export function threshold(spec: ThresholdSpec): Detector {
  checkSelected(spec);
  if (!(spec.window > 0)) throw new RangeError(`threshold ${spec.meta.id}: window must be positive, got ${spec.window}`);
  if (!(spec.threshold >= 0)) throw new RangeError(`threshold ${spec.meta.id}: threshold must be >= 0, got ${spec.threshold}`);
  return new ThresholdDetector(spec);
}

// A group is its events (one object per live group: there may be a million).
class GroupState extends TimeOrderedEvents implements WindowGroup {
  readonly key: string;
  rearmAt: number | undefined;
  removed = false;

  constructor(key: string, first: TrailEvent) {
    super(first);
    this.key = key;
  }
}

class ThresholdDetector extends WindowedGroupDetector<GroupState> {
  readonly #spec: ThresholdSpec;
  readonly #fields: GroupFields;
  readonly #maxEvidence: number;
  readonly #counts: EventTest;

  constructor(spec: ThresholdSpec) {
    super({ ...spec, interest: unionInterest([spec.select]), span: spec.window });
    this.#spec = spec;
    this.#counts = selectedTest(spec);
    this.#fields = new GroupFields(spec.groupBy);
    this.#maxEvidence = Math.max(1, spec.maxEvidence ?? 20);
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    if (!this.#counts(event)) return;
    const key = this.#fields.key(event);
    let group = this.stateOf(key);
    if (group === undefined) {
      group = new GroupState(key, event);
      this.addEntries(1);
      this.#check(group, 0, emit);
      this.track(group, this.expiryOf(group));
      return;
    }
    if (this.absorbs(group, event.time)) return;
    const index = group.insert(event);
    if (index < 0) return;
    this.addEntries(1);
    this.#check(group, index, emit);
  }

  // Only windows that contain the new event can have changed: those ending at
  // an event from `index` up to `time + window`. Fire at the first that exceeds.
  #check(group: GroupState, index: number, emit: FindingEmitter): void {
    const limit = group.timeAt(index) + this.span;
    for (let j = index; j < group.length && group.timeAt(j) <= limit; j++) {
      const from = group.lowerBound(group.timeAt(j) - this.span);
      if (j - from + 1 > this.#spec.threshold) {
        this.#fire(group, from, j, emit);
        return;
      }
    }
  }

  #fire(group: GroupState, from: number, to: number, emit: FindingEmitter): void {
    const window = group.slice(from, to + 1);
    const anchor = window[window.length - 1]!;
    this.rearm(group, to, anchor.time);
    const values = this.#fields.values(anchor);
    const content = this.#spec.finding({ group: values, events: window, anchor, count: window.length });
    const evidence = window.length <= this.#maxEvidence ? window : [...window.slice(0, this.#maxEvidence - 1), anchor];
    emit(
      buildFinding({
        meta: this.meta,
        detectorId: this.id,
        anchor,
        evidence,
        group: content.group ?? values,
        summary: content.summary,
        ...(content.details === undefined ? {} : { details: content.details }),
        time: anchor.time,
        firstTime: window[0]!.time,
        lastTime: anchor.time,
      }),
    );
  }
}
