import type { Detector, DetectorMeta, FindingEmitter } from '../component/detector.ts';
import type { Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { buildFinding, type FindingContent } from './build-finding.ts';
import type { DetectorSpec } from './detector-spec.ts';
import { checkSelected, selectedTest, unionInterest, type EventTest, type Selected } from './selection.ts';

/** A single-event rule: {@link match}. Every event it selects (and `where` accepts) is a finding on its own. */
export interface MatchSpec extends DetectorSpec, Selected {
  /** What the finding says about the matching event. */
  finding(event: TrailEvent): FindingContent;
}

/**
 * The single-event primitive: one finding per event that `select` selects and `where` accepts,
 * anchored on that event's `eventID`. Stateless (span 0), so its findings
 * cannot depend on arrival order; a redelivered event yields the same id.
 *
 * @example
 * ```ts
 * const detector = match({
 *   meta, id: context.id,
 *   select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['DeleteModelInvocationLoggingConfiguration'] },
 *   finding: (e) => ({ group: { userName: orUnknown(e.userName) }, summary: `${e.userName} deleted Bedrock logging` }),
 * });
 * ```
 */
export function match(spec: MatchSpec): Detector {
  checkSelected(spec);
  return new MatchDetector(spec);
}

class MatchDetector implements Detector {
  readonly meta: DetectorMeta;
  readonly interest: Interest;
  readonly span = 0;
  readonly #spec: MatchSpec;
  readonly #id: string;
  readonly #selects: EventTest;

  constructor(spec: MatchSpec) {
    this.#spec = spec;
    this.meta = spec.meta;
    this.interest = unionInterest([spec.select]);
    this.#id = spec.id ?? spec.meta.id;
    this.#selects = selectedTest(spec);
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    if (!this.#selects(event)) return;
    const content = this.#spec.finding(event);
    emit(buildFinding({ ...content, meta: this.meta, detectorId: this.#id, anchor: event, evidence: [event] }));
  }

  onWatermark(): void {}

  flush(): void {}

  stateSize(): number {
    return 0;
  }
}
