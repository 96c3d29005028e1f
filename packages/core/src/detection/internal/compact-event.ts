import type { CloudTrailRecord } from '../../event/cloudtrail-record.ts';
import type { EventOrigin, EventOutcome, TrailEvent } from '../../event/trail-event.ts';
import type { KeptValues } from './kept-fields.ts';
import { pooled, type SharedFacts, type SharedFactsTable } from './shared-facts.ts';
import type { StringPool } from './string-pool.ts';

/**
 * The event a detector holds under `evidence: compact`: one small object
 * with what is the event's own — time, id, key, caller ARN and name,
 * address (strings pooled), its position in its source — and a reference
 * to the {@link SharedFacts} a burst of the same call shares. Once the
 * detector is done with the whole record ({@link compact}) it keeps of it
 * only what its kept fields need beyond the normalized ones, usually the
 * `eventTime` text alone: `raw` is the whole record until then, and the cut
 * record afterwards, built anew on each read (findings and rules read it
 * rarely; a million held events would otherwise each keep one).
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
  #whole: CloudTrailRecord | undefined;

  constructor(event: TrailEvent, facts: SharedFactsTable, pool: StringPool) {
    this.time = event.time;
    this.eventId = event.eventId;
    this.accessKeyId = pooled(pool, event.accessKeyId);
    this.principalArn = pooled(pool, event.principalArn);
    this.userName = pooled(pool, event.userName);
    this.sourceIp = pooled(pool, event.sourceIp);
    this.#index = event.origin.index;
    this.#whole = event.raw;
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

  /** The whole record while a detector handles the event; the cut record afterwards. */
  get raw(): CloudTrailRecord {
    return this.#whole ?? this.#facts.fields.rebuild(this.#kept(), this);
  }

  /** Lends the whole record again, for another detector to handle the event. */
  lend(record: CloudTrailRecord): void {
    this.#whole = record;
  }

  /** Drops the whole record: from now on `raw` is the cut one. */
  compact(): void {
    this.#whole = undefined;
  }

  #kept(): KeptValues {
    return { twins: this.#facts.twins, absent: this.#facts.absent, stored: this.#stored };
  }
}
