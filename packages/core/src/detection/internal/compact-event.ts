import type { CloudTrailRecord } from '../../event/cloudtrail-record.ts';
import type { EventOrigin, EventOutcome, TrailEvent } from '../../event/trail-event.ts';
import { pooled, type SharedFacts, type SharedFactsTable } from './shared-facts.ts';
import type { StringPool } from './string-pool.ts';

/**
 * The event a detector holds under `evidence: compact`: one small object
 * with what is the event's own — time, id, key, caller ARN and name,
 * address (strings pooled), its position in its source — and a reference
 * to the {@link SharedFacts} a burst of the same call shares. Once the
 * detector is done with the whole record it keeps of it only what its kept
 * fields need beyond the normalized ones, usually the `eventTime` text
 * alone: `raw` is the whole record while a detector handles the event
 * ({@link lendWhole}), and the cut record otherwise, built anew on each read
 * (findings and rules read it rarely; a million held events would otherwise
 * each keep one).
 */
export class CompactEvent implements TrailEvent {
  readonly time: number;
  readonly eventId: string;
  readonly accessKeyId: string | undefined;
  readonly principalArn: string | undefined;
  readonly userName: string | undefined;
  readonly sourceIp: string | undefined;
  readonly #facts: SharedFacts;
  readonly #index: number | string;
  readonly #stored: unknown;

  constructor(event: TrailEvent, facts: SharedFactsTable, pool: StringPool) {
    this.time = event.time;
    this.eventId = event.eventId;
    this.accessKeyId = pooled(pool, event.accessKeyId);
    this.principalArn = pooled(pool, event.principalArn);
    this.userName = pooled(pool, event.userName);
    this.sourceIp = pooled(pool, event.sourceIp);
    this.#index = event.origin.index;
    const kept = facts.fields.capture(event.raw, event, pool);
    this.#stored = kept.stored;
    this.#facts = facts.of(event, kept);
  }

  get source(): string {
    return this.#facts.source;
  }

  get action(): string {
    return this.#facts.action;
  }

  get outcome(): EventOutcome {
    return this.#facts.errorCode === undefined ? 'success' : 'failure';
  }

  get errorCode(): string | undefined {
    return this.#facts.errorCode;
  }

  get errorMessage(): string | undefined {
    return this.#facts.errorMessage;
  }

  get principalType(): string | undefined {
    return this.#facts.principalType;
  }

  get account(): string | undefined {
    return this.#facts.account;
  }

  get region(): string | undefined {
    return this.#facts.region;
  }

  get userAgent(): string | undefined {
    return this.#facts.userAgent;
  }

  get origin(): EventOrigin {
    return { source: this.#facts.originSource, location: this.#facts.originLocation, index: this.#index };
  }

  /** The whole record while a detector handles the event ({@link lendWhole}); the cut record otherwise. */
  get raw(): CloudTrailRecord {
    if (this === lent.event) return lent.record!;
    const facts = this.#facts;
    return facts.fields.rebuild({ twins: facts.twins, absent: facts.absent, stored: this.#stored }, this);
  }
}

// The one held event whose whole record is lent, while a detector handles it.
// One slot for all: an event is handled by one detector at a time, so no held
// event needs a field of its own for it.
const lent: { event: CompactEvent | undefined; record: CloudTrailRecord | undefined } = { event: undefined, record: undefined };

/** What {@link lendWhole} replaced, for {@link endLoan} to put back. */
export interface Loan {
  readonly event: CompactEvent | undefined;
  readonly record: CloudTrailRecord | undefined;
}

/**
 * Makes `held.raw` the whole `record` until {@link endLoan}: a detector sees
 * every field of the event it handles. Loans nest (a compact bundle whose
 * members are compact too): ending one restores the loan it replaced.
 */
export function lendWhole(held: CompactEvent, record: CloudTrailRecord): Loan {
  const previous: Loan = { event: lent.event, record: lent.record };
  lent.event = held;
  lent.record = record;
  return previous;
}

/** Ends the loan `lendWhole` returned `previous` for: from now on that event's `raw` is its cut record. */
export function endLoan(previous: Loan): void {
  lent.event = previous.event;
  lent.record = previous.record;
}
