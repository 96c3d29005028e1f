import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { CompactEvent } from './internal/compact-event.ts';
import { KeptFields, type Twin } from './internal/kept-fields.ts';
import { SharedFactsTable } from './internal/shared-facts.ts';
import { StringPool } from './internal/string-pool.ts';

/** What a detector keeps of the events it holds and shows as evidence: the whole record, or {@link COMPACT_EVIDENCE_FIELDS} and the rule's own fields. */
export type EvidenceMode = 'full' | 'compact';

/**
 * The record fields compact evidence always keeps: the event's identity and
 * time, and the fields behind the normalized view every rule and exception
 * reads (caller, key, account, region, address, agent, outcome). These are
 * the strings a held event keeps alive anyway, so keeping them costs little.
 */
export const COMPACT_EVIDENCE_FIELDS: readonly string[] = [
  'eventID',
  'eventTime',
  'eventName',
  'eventSource',
  'awsRegion',
  'recipientAccountId',
  'sourceIPAddress',
  'userAgent',
  'errorCode',
  'errorMessage',
  'userIdentity.type',
  'userIdentity.arn',
  'userIdentity.accountId',
  'userIdentity.accessKeyId',
  'userIdentity.userName',
  'userIdentity.sessionContext.sessionIssuer.arn',
  'userIdentity.sessionContext.sessionIssuer.userName',
];

/** The normalized field that holds the same value as each always-kept path of an ordinary record. */
const TWINS = new Map<string, Twin>([
  ['eventID', (e) => e.eventId],
  ['eventName', (e) => e.action],
  ['eventSource', (e) => e.source],
  ['awsRegion', (e) => e.region],
  ['recipientAccountId', (e) => e.account],
  ['sourceIPAddress', (e) => e.sourceIp],
  ['userAgent', (e) => e.userAgent],
  ['errorCode', (e) => e.errorCode],
  ['errorMessage', (e) => e.errorMessage],
  ['userIdentity.type', (e) => e.principalType],
  ['userIdentity.arn', (e) => e.principalArn],
  ['userIdentity.accountId', (e) => e.account],
  ['userIdentity.accessKeyId', (e) => e.accessKeyId],
  ['userIdentity.userName', (e) => e.userName],
  ['userIdentity.sessionContext.sessionIssuer.userName', (e) => e.userName],
]);

// Strings of held events are shared across detectors and pipelines: equal values, one string.
const POOL = new StringPool(1 << 16);
const BASE_FIELDS = new KeptFields(COMPACT_EVIDENCE_FIELDS, TWINS);
// Detectors whose compact fields are the same share one compactor.
const SHARED = new Map<string, EvidenceCompactor>();
const MAX_SHARED = 1024;

/**
 * Cuts CloudTrail records down to a fixed set of dotted paths
 * ({@link COMPACT_EVIDENCE_FIELDS} plus `fields`), for `evidence: compact`.
 * A path that ends on an object or array keeps it whole; a path the record
 * lacks is left out. Cutting is idempotent, so a record already cut comes
 * out with the same fields. Strings other than `eventID` are pooled, so the
 * held events of a burst share their event source, region, agent, caller.
 *
 * The events detectors hold are {@link CompactEvent}s: one small object per
 * event, shared by every compact detector whose cut of that record is the
 * same — all of them when the record has none of their own fields.
 *
 * @example
 * ```ts
 * const compact = EvidenceCompactor.for(['requestParameters.modelId']);
 * compact.record(event.raw); // { eventID, eventTime, eventName, eventSource, …, requestParameters: { modelId } }
 * ```
 */
export class EvidenceCompactor {
  readonly #fields: KeptFields;
  readonly #facts: SharedFactsTable;
  #lastRecord: CloudTrailRecord | undefined;
  #lastCut: CloudTrailRecord | undefined;
  #lastEvent: TrailEvent | undefined;
  #lastHeld: CompactEvent | undefined;

  constructor(fields: readonly string[] = []) {
    this.#fields = fields.length === 0 ? BASE_FIELDS : new KeptFields([...COMPACT_EVIDENCE_FIELDS, ...fields], TWINS);
    this.#facts = new SharedFactsTable(this.#fields, POOL);
  }

  /** The compactor of `fields`, shared by every detector that keeps the same ones. */
  static for(fields: readonly string[]): EvidenceCompactor {
    const signature = [...new Set(fields)].sort().join('\n');
    let compactor = signature === '' ? BASE : SHARED.get(signature);
    if (compactor === undefined) {
      if (SHARED.size >= MAX_SHARED) SHARED.clear();
      compactor = new EvidenceCompactor(fields);
      SHARED.set(signature, compactor);
    }
    return compactor;
  }

  /** The record cut down to the kept paths (a new object; `record` is not changed). */
  record(record: CloudTrailRecord): CloudTrailRecord {
    if (record !== this.#lastRecord) {
      this.#lastCut = this.#fields.cutRecord(record, POOL);
      this.#lastRecord = record;
    }
    return this.#lastCut!;
  }

  /**
   * The copy of `event` a detector holds: compactors whose cut of this
   * record is the same get the same copy of the same event, one after
   * another. Its `raw` is the cut record, save while lent whole (see `lendWhole`).
   */
  hold(event: TrailEvent): CompactEvent {
    if (this !== BASE && this.#fields.sameAs(BASE_FIELDS, event.raw)) return BASE.hold(event);
    if (event !== this.#lastEvent) {
      this.#lastHeld = new CompactEvent(event, this.#facts, POOL);
      this.#lastEvent = event;
    }
    return this.#lastHeld!;
  }
}

const BASE = new EvidenceCompactor();
