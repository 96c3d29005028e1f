import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import type { TrailEvent } from '../event/trail-event.ts';
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

type Tree = Map<string, Tree | undefined>;
/** A compiled {@link Tree}: per key, the subtree to keep (`undefined`: the whole value). */
type Cut = readonly (readonly [key: string, inner: Cut | undefined])[];

/** A held copy of an event: its record is swapped for the compact one once the detector is done with it. */
export type HeldEvent = { -readonly [K in keyof TrailEvent]: TrailEvent[K] };

// Strings of held events are shared across detectors and pipelines: equal values, one string.
const POOL = new StringPool(1 << 16);
// Detectors whose compact fields are the same share one compactor, so they hold one copy of an event.
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
 * @example
 * ```ts
 * const compact = EvidenceCompactor.for(['requestParameters.modelId']);
 * compact.record(event.raw); // { eventID, eventTime, eventName, eventSource, …, requestParameters: { modelId } }
 * ```
 */
export class EvidenceCompactor {
  readonly #cut: Cut;
  #lastRecord: CloudTrailRecord | undefined;
  #lastCut: CloudTrailRecord | undefined;
  #lastEvent: TrailEvent | undefined;
  #lastHeld: HeldEvent | undefined;

  constructor(fields: readonly string[] = []) {
    const tree: Tree = new Map();
    for (const field of [...COMPACT_EVIDENCE_FIELDS, ...fields]) addPath(tree, field.split('.'));
    this.#cut = compile(tree);
  }

  /** The compactor of `fields`, shared by every detector that keeps the same ones. */
  static for(fields: readonly string[]): EvidenceCompactor {
    const signature = [...new Set(fields)].sort().join('\n');
    let compactor = SHARED.get(signature);
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
      this.#lastCut = cut(record, this.#cut, true) as CloudTrailRecord;
      this.#lastRecord = record;
    }
    return this.#lastCut!;
  }

  /**
   * The copy of `event` a detector handles and may hold, with the whole
   * record until {@link release}; detectors sharing this compactor get the
   * same copy of the same event, one after another.
   */
  hold(event: TrailEvent): HeldEvent {
    if (event === this.#lastEvent) {
      this.#lastHeld!.raw = event.raw;
      return this.#lastHeld!;
    }
    const held: HeldEvent = {
      raw: event.raw,
      time: event.time,
      source: POOL.intern(event.source),
      action: POOL.intern(event.action),
      outcome: event.outcome,
      errorCode: pooled(event.errorCode),
      errorMessage: pooled(event.errorMessage),
      accessKeyId: pooled(event.accessKeyId),
      principalArn: pooled(event.principalArn),
      principalType: pooled(event.principalType),
      userName: pooled(event.userName),
      account: pooled(event.account),
      region: pooled(event.region),
      sourceIp: pooled(event.sourceIp),
      userAgent: pooled(event.userAgent),
      eventId: event.eventId,
      origin: event.origin,
    };
    this.#lastEvent = event;
    this.#lastHeld = held;
    return held;
  }

  /** Swaps the held copy's record for the compact one: the detector is done with the whole record. */
  release(held: HeldEvent, event: TrailEvent): void {
    held.raw = this.record(event.raw);
  }
}

function pooled(value: string | undefined): string | undefined {
  return value === undefined ? undefined : POOL.intern(value);
}

function addPath(tree: Tree, parts: readonly string[]): void {
  // `__proto__` is no CloudTrail field, and as a key it would set a prototype instead.
  if (parts.some((part) => part === '' || part === '__proto__')) return;
  let node = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // A shorter path already keeps this subtree whole.
    if (node.has(part) && node.get(part) === undefined) return;
    if (i === parts.length - 1) {
      node.set(part, undefined);
      return;
    }
    const next: Tree = node.get(part) ?? new Map();
    node.set(part, next);
    node = next;
  }
}

function compile(tree: Tree): Cut {
  return [...tree].map(([key, inner]) => [key, inner === undefined ? undefined : compile(inner)] as const);
}

function cut(value: Readonly<Record<string, unknown>>, keep: Cut, top: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of keep) {
    if (!Object.hasOwn(value, key)) continue;
    const child = value[key];
    // Event ids are unique: pooling them would only churn the pool.
    if (inner === undefined) out[key] = typeof child === 'string' && !(top && key === 'eventID') ? POOL.intern(child) : child;
    else if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
      const kept = cut(child as Record<string, unknown>, inner, false);
      if (Object.keys(kept).length > 0) out[key] = kept;
    }
  }
  return out;
}
