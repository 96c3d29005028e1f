import type { Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { AttackMapping, Finding, Severity } from '../finding/finding.ts';

/**
 * What a detector is, for people and for findings: the rule's identity,
 * classification and the guidance an analyst needs.
 */
export interface DetectorMeta {
  /** The rule id (the factory type), e.g. `aws-bedrock-logging-deletion`. */
  readonly id: string;
  readonly title: string;
  /** Semantic version of the rule logic; bump it when findings may change. */
  readonly version: string;
  readonly description: string;
  readonly severity: Severity;
  readonly riskScore: number;
  readonly attack: AttackMapping;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  /** Known benign causes. */
  readonly falsePositives: readonly string[];
  /** A short investigation guide (Markdown). */
  readonly investigation: string;
  /**
   * Record fields (dotted paths, e.g. `requestParameters.modelId`) that
   * `evidence: compact` keeps besides the always-kept ones: those the rule
   * reads from an event it holds (an earlier event of a window or sequence)
   * and those its findings should show as evidence.
   */
  readonly evidenceFields?: readonly string[];
}

/** Receives the findings a detector produces. */
export type FindingEmitter = (finding: Finding) => void;

/**
 * Consumes events in event time, keeps bounded state, emits findings.
 *
 * The runtime calls `onEvent` only for events matching `interest`, in arrival
 * order (which is not event-time order), and `onWatermark` whenever the
 * watermark advances: state older than `watermark − span` must then be
 * evicted. A detector never reads the wall clock. Build detectors with the
 * `match`, `threshold` and `sequence` primitives, or wrap an RxJS operator.
 */
export interface Detector {
  readonly meta: DetectorMeta;
  /** What this detector can match; `'all'` disables prefiltering for the whole pipeline. */
  readonly interest: Interest;
  /** The longest event-time span (ms) over which this detector relates events; 0 for single-event rules. */
  readonly span: number;
  onEvent(event: TrailEvent, emit: FindingEmitter): void;
  onWatermark(watermark: number, emit: FindingEmitter): void;
  /** End of input: emit whatever is pending and clear state. */
  flush(emit: FindingEmitter): void;
  /** Live state entries (keys, pending steps, window entries). Returns to 0 once the watermark passes everything. */
  stateSize(): number;
}
