import {
  DETAILS_OMITTED_KEY,
  EVIDENCE_OMITTED_KEY,
  FINDING_INCOMPLETE_KEY,
  isOmittedEvidence,
  safeFinding,
  type ComponentContext,
  type EvidenceLimits,
  type Finding,
} from '@jackwatch/core';
import { METRICS } from '@jackwatch/core';

/** Findings with omitted evidence logged at warn per sink; the rest at debug, so hostile input cannot flood the log. */
const WARN_LIMIT = 20;

/**
 * Bounds the findings a sink is given (see `safeFinding`) and says so when it
 * had to: evidence records replaced by markers are counted as
 * `jackwatch.sink.evidence.omitted`, and each changed finding is logged with its id
 * and the reasons — the first {@link WARN_LIMIT} at warn, the rest at debug.
 * The finding itself is delivered, markers in place.
 */
export class EvidenceGuard {
  readonly #context: ComponentContext;
  readonly #limits: Partial<EvidenceLimits>;
  #warned = 0;

  constructor(context: ComponentContext, maxEvidenceSize: number) {
    this.#context = context;
    this.#limits = { maxBytes: maxEvidenceSize };
  }

  /** The findings as the sink may write them; the same objects where nothing had to change. */
  bound(findings: readonly Finding[]): Finding[] {
    return findings.map((finding) => this.#bound(finding));
  }

  #bound(finding: Finding): Finding {
    const safe = safeFinding(finding, this.#limits);
    if (safe === finding) return safe;
    const markers = safe.evidence.filter(isOmittedEvidence);
    const omitted = markers.length - countMarkers(finding);
    if (omitted > 0) this.#context.telemetry.add(METRICS.sinkEvidenceOmitted.name, omitted, { sink: this.#context.id });
    const reasons = new Set(markers.map((marker) => marker[EVIDENCE_OMITTED_KEY]));
    const details = safe.details?.[DETAILS_OMITTED_KEY];
    if (typeof details === 'string') reasons.add(`details: ${details}`);
    const incomplete = (safe as unknown as Record<string, unknown>)[FINDING_INCOMPLETE_KEY];
    if (typeof incomplete === 'string') reasons.add(`finding: ${incomplete}`);
    const level = this.#warned < WARN_LIMIT ? 'warn' : 'debug';
    this.#warned += 1;
    this.#context.logger[level]('finding delivered with what could not be written left out', { findingId: safe.id, evidenceOmitted: omitted, reasons: [...reasons] });
    if (this.#warned === WARN_LIMIT) this.#context.logger.warn('further findings with evidence left out are logged at debug level only');
    return safe;
  }
}

function countMarkers(finding: Finding): number {
  try {
    return Array.isArray(finding.evidence) ? finding.evidence.filter(isOmittedEvidence).length : 0;
  } catch {
    return 0;
  }
}
