import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';

/** Finding severity, after Elastic/Sigma levels. */
export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';

/** A MITRE ATT&CK tactic or technique reference. */
export interface AttackReference {
  /** e.g. `TA0007` or `T1580` or `T1078.004`. */
  readonly id: string;
  readonly name: string;
}

/** ATT&CK classification of a detector. */
export interface AttackMapping {
  readonly tactics: readonly AttackReference[];
  readonly techniques: readonly AttackReference[];
}

/** Identity of the detector that produced a finding. */
export interface FindingDetector {
  /** Component id, e.g. `aws-bedrock-list-models-failures` or `aws-bedrock-list-models-failures/strict`. */
  readonly id: string;
  readonly title: string;
  readonly version: string;
}

/**
 * A detection result. Every sink consumes this shape.
 *
 * `id` is deterministic — a hash of the detector id and the anchoring event's
 * `eventID` — so replays and redeliveries yield the same id and sinks can
 * deduplicate. Times are ISO-8601 strings in event time.
 */
export interface Finding {
  readonly id: string;
  readonly detector: FindingDetector;
  readonly severity: Severity;
  /** 0–100. */
  readonly riskScore: number;
  readonly attack: AttackMapping;
  /** Event time of the event that completed the finding. */
  readonly time: string;
  readonly firstTime: string;
  readonly lastTime: string;
  /** The key fields the finding is about (access key, user, source IP, …). */
  readonly group: Readonly<Record<string, string>>;
  /** One sentence for a person. */
  readonly summary: string;
  /** The CloudTrail records that make the case, raw. */
  readonly evidence: readonly CloudTrailRecord[];
  readonly references: readonly string[];
  /** Rule-specific facts (counts, error codes, model ids, outcome…). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Findings of the same suppression group dropped since the previous one emitted. */
  readonly suppressed?: number;
}
