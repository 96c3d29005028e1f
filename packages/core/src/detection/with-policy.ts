import type { Detector, DetectorMeta, FindingEmitter } from '../component/detector.ts';
import type { Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import type { Telemetry } from '../services/telemetry.ts';
import { DETECTION_COUNTERS } from './detector-spec.ts';
import { EvidenceCompactor } from './compact-evidence.ts';
import { endLoan, lendWhole } from './internal/compact-event.ts';
import { exceptionMatcher } from './exception-matcher.ts';
import type { DetectorPolicy } from './policy-schema.ts';
import { Suppressor } from './suppressor.ts';

/** Options of {@link withPolicy}. */
export interface PolicyOptions {
  /** Counts `jackwatch.detector.findings.excepted` and `jackwatch.detector.findings.suppressed`, labelled `{ detector }`. */
  readonly telemetry?: Telemetry;
  /** The `detector` label; defaults to each finding's `detector.id`. */
  readonly id?: string;
}

/**
 * Applies a detector's `exceptions`, `suppress` and `evidence` from config.
 * With `evidence: compact`, each event the detector holds keeps only the
 * compact fields of its record (see {@link EvidenceCompactor}: the always-kept
 * ones, the rule's `meta.evidenceFields`, and the fields `suppress.by` and the
 * exceptions name) — the detector sees the whole record while it handles the
 * event, and its findings' evidence is cut the same way. Exceptions come
 * first: a finding that matches one is dropped (and counted) and never opens a
 * suppression period. Suppression then keeps one finding per group per period
 * in event time (see {@link Suppressor}). Returns `detector` itself when the
 * policy asks for nothing.
 *
 * @example
 * ```ts
 * const policy = detectorPolicySchema.parse({ suppress: { by: ['accessKeyId'], for: '1h' },
 *   exceptions: [{ when: [{ field: 'sourceIPAddress', cidr: '10.0.0.0/8' }] }] });
 * const detector = withPolicy(inner, policy, { telemetry: context.telemetry, id: context.id });
 * ```
 */
export function withPolicy(detector: Detector, policy: DetectorPolicy, options: PolicyOptions = {}): Detector {
  if (policy.suppress === undefined && policy.exceptions.length === 0 && policy.evidence !== 'compact') return detector;
  return new PolicyDetector(detector, policy, options);
}

class PolicyDetector implements Detector {
  readonly meta: DetectorMeta;
  readonly interest: Interest;
  readonly span: number;
  readonly #inner: Detector;
  readonly #excepted: ((finding: Finding) => boolean) | undefined;
  readonly #suppressor: Suppressor | undefined;
  readonly #compactor: EvidenceCompactor | undefined;
  readonly #options: PolicyOptions;
  #downstream: FindingEmitter = () => {};
  // Created once and handed to the inner detector on every call: no closure per event.
  readonly #filter: FindingEmitter = (finding) => this.#admit(finding);

  constructor(inner: Detector, policy: DetectorPolicy, options: PolicyOptions) {
    this.#inner = inner;
    this.meta = inner.meta;
    this.interest = inner.interest;
    this.span = inner.span;
    this.#options = options;
    this.#excepted = policy.exceptions.length > 0 ? exceptionMatcher(policy.exceptions) : undefined;
    this.#suppressor = policy.suppress ? new Suppressor(policy.suppress.by, policy.suppress.for) : undefined;
    this.#compactor = policy.evidence === 'compact' ? EvidenceCompactor.for(compactFields(inner.meta, policy)) : undefined;
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    this.#downstream = emit;
    if (this.#compactor === undefined) {
      this.#inner.onEvent(event, this.#filter);
      return;
    }
    // A compact copy, lent the whole record while the detector handles it,
    // so what the detector holds keeps only the compact fields.
    const held = this.#compactor.hold(event);
    const loan = lendWhole(held, event.raw);
    try {
      this.#inner.onEvent(held, this.#filter);
    } finally {
      endLoan(loan);
    }
  }

  onWatermark(watermark: number, emit: FindingEmitter): void {
    this.#downstream = emit;
    this.#inner.onWatermark(watermark, this.#filter);
    this.#suppressor?.evict(watermark);
  }

  flush(emit: FindingEmitter): void {
    this.#downstream = emit;
    this.#inner.flush(this.#filter);
    this.#suppressor?.clear();
  }

  stateSize(): number {
    return this.#inner.stateSize() + (this.#suppressor?.size ?? 0);
  }

  #admit(emitted: Finding): void {
    const finding = this.#compactor === undefined ? emitted : { ...emitted, evidence: emitted.evidence.map((record) => this.#compactor!.record(record)) };
    if (this.#excepted?.(finding)) {
      this.#count(DETECTION_COUNTERS.excepted, finding);
      return;
    }
    const admitted = this.#suppressor ? this.#suppressor.admit(finding) : finding;
    if (admitted === undefined) {
      this.#count(DETECTION_COUNTERS.suppressed, finding);
      return;
    }
    this.#downstream(admitted);
  }

  #count(counter: string, finding: Finding): void {
    this.#options.telemetry?.add(counter, 1, { detector: this.#options.id ?? finding.detector.id });
  }
}

// The fields compact evidence keeps for this detector besides the always-kept ones.
function compactFields(meta: DetectorMeta, policy: DetectorPolicy): string[] {
  return [...(meta.evidenceFields ?? []), ...(policy.suppress?.by ?? []), ...policy.exceptions.flatMap((exception) => exception.when.map((condition) => condition.field))];
}
