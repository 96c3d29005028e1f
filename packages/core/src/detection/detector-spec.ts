import type { DetectorMeta } from '../component/detector.ts';
import type { Telemetry } from '../services/telemetry.ts';

/**
 * What every primitive needs to know about the rule it runs. What a rule can
 * match is not stated here: each primitive derives the detector's interest
 * from its steps' `select` declarations (`Selected`).
 */
export interface DetectorSpec {
  /** The rule's identity, classification and guidance. */
  readonly meta: DetectorMeta;
  /** The component id findings carry (`context.id` in a factory); defaults to `meta.id`. */
  readonly id?: string;
  /** Where to count state dropped at a cap or events absorbed after a firing (optional). */
  readonly telemetry?: Telemetry;
}

/** Telemetry counter names of the detection primitives and {@link withPolicy} (in the metric catalog, so exported); label `detector` = component id. */
export const DETECTION_COUNTERS = {
  /** Findings dropped by suppression (counted in the group's next finding too, while its state lives). */
  suppressed: 'jackwatch.detector.findings.suppressed',
  /** Findings dropped by an exception. */
  excepted: 'jackwatch.detector.findings.excepted',
  /** Threshold events that arrived while their group was re-arming, so counted toward no new finding. */
  absorbed: 'jackwatch.detector.events.absorbed',
  /** Sequence entries dropped because one key exceeded its per-key cap (a match may be missed). */
  overflow: 'jackwatch.detector.state.overflow',
} as const;
