import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';

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

/**
 * Cuts CloudTrail records down to a fixed set of dotted paths
 * ({@link COMPACT_EVIDENCE_FIELDS} plus `fields`), for `evidence: compact`.
 * A path that ends on an object or array keeps it whole; a path the record
 * lacks is left out. Cutting is idempotent, so a record already cut comes
 * out with the same fields.
 *
 * @example
 * ```ts
 * const compact = new EvidenceCompactor(['requestParameters.modelId']);
 * compact.record(event.raw); // { eventID, eventTime, eventName, eventSource, …, requestParameters: { modelId } }
 * ```
 */
export class EvidenceCompactor {
  readonly #cut: Cut;

  constructor(fields: readonly string[] = []) {
    const tree: Tree = new Map();
    for (const field of [...COMPACT_EVIDENCE_FIELDS, ...fields]) addPath(tree, field.split('.'));
    this.#cut = compile(tree);
  }

  /** The record cut down to the kept paths (a new object; `record` is not changed). */
  record(record: CloudTrailRecord): CloudTrailRecord {
    return cut(record, this.#cut) as CloudTrailRecord;
  }
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

function cut(value: Readonly<Record<string, unknown>>, keep: Cut): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of keep) {
    if (!Object.hasOwn(value, key)) continue;
    const child = value[key];
    if (inner === undefined) out[key] = child;
    else if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
      const kept = cut(child as Record<string, unknown>, inner);
      if (Object.keys(kept).length > 0) out[key] = kept;
    }
  }
  return out;
}
