import type { DetectorMeta } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import { formatIsoTime } from '../event/iso-time.ts';
import { findingId } from '../finding/finding-id.ts';

/** What a rule says about one finding; the primitives add identity, times and evidence. */
export interface FindingContent {
  /** The key fields the finding is about; use {@link orUnknown} for missing values. */
  readonly group: Readonly<Record<string, string>>;
  /** One sentence for a person. */
  readonly summary: string;
  /** Rule-specific facts (model ids, counts, error codes, outcome…). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Everything {@link buildFinding} needs. */
export interface FindingInput extends FindingContent {
  readonly meta: DetectorMeta;
  /** The component id from config (`context.id`), e.g. `aws-bedrock-logging-deletion/prod`. */
  readonly detectorId: string;
  /** The event whose `eventID` names the finding. */
  readonly anchor: TrailEvent;
  /** The events that make the case, in time order. */
  readonly evidence: readonly TrailEvent[];
  /** Event time of the completing event; defaults to the newest evidence time. */
  readonly time?: number;
  /** Defaults to the oldest evidence time. */
  readonly firstTime?: number;
  /** Defaults to the newest evidence time. */
  readonly lastTime?: number;
}

/**
 * Assembles a {@link Finding} from a rule's meta and one match.
 * The id is {@link findingId}`(detectorId, anchor.eventId)`, so a replay or a
 * redelivery yields the same id.
 *
 * @example
 * ```ts
 * emit(buildFinding({ meta, detectorId: context.id, anchor: event, evidence: [event],
 *   group: { userName: orUnknown(event.userName) }, summary: `${event.userName} deleted logging` }));
 * ```
 */
export function buildFinding(input: FindingInput): Finding {
  const { meta, evidence } = input;
  let oldest = input.anchor.time;
  let newest = input.anchor.time;
  const records = new Array<TrailEvent['raw']>(evidence.length);
  for (let i = 0; i < evidence.length; i++) {
    const event = evidence[i]!;
    if (event.time < oldest) oldest = event.time;
    if (event.time > newest) newest = event.time;
    records[i] = event.raw;
  }
  const firstTime = input.firstTime ?? oldest;
  const lastTime = input.lastTime ?? newest;
  return {
    id: findingId(input.detectorId, input.anchor.eventId),
    detector: { id: input.detectorId, title: meta.title, version: meta.version },
    severity: meta.severity,
    riskScore: meta.riskScore,
    attack: meta.attack,
    time: isoTime(input.time ?? lastTime),
    firstTime: isoTime(firstTime),
    lastTime: isoTime(lastTime),
    group: input.group,
    summary: input.summary,
    evidence: records,
    references: meta.references,
    ...(input.details === undefined ? {} : { details: input.details }),
  };
}

/** Epoch milliseconds as an ISO-8601 UTC string. */
export function isoTime(time: number): string {
  return formatIsoTime(time);
}

/** The value used in a finding's `group` for a field the event does not carry. */
export const UNKNOWN = 'unknown';

/**
 * `value`, or `'unknown'` when it is missing: grouping keeps such events
 * (a missing user agent must not hide an attack) under an explicit name.
 */
export function orUnknown(value: string | undefined): string {
  return value === undefined || value === '' ? UNKNOWN : value;
}
