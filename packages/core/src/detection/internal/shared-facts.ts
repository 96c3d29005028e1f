import type { EventOrigin, TrailEvent } from '../../event/trail-event.ts';
import type { KeptFields, KeptValues } from './kept-fields.ts';
import type { StringPool } from './string-pool.ts';

/**
 * What many held events have in common: the call (source, action, outcome
 * and error), the caller's kind, account, region and agent, where they were
 * read, and which of their kept fields their normalized ones already hold.
 * A burst of one kind of call shares one of these, so a held event keeps
 * only what is its own.
 */
export interface SharedFacts {
  readonly fields: KeptFields;
  readonly source: string;
  readonly action: string;
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
  readonly principalType: string | undefined;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly userAgent: string | undefined;
  readonly originSource: string;
  readonly originLocation: string;
  readonly twins: number;
  readonly absent: number;
}

/**
 * Gives equal {@link SharedFacts} one object. Bounded: past `capacity`
 * distinct ones it starts over, and facts whose strings are long are not
 * kept at all, so a stream where every event differs costs at most that many
 * short entries and only loses some sharing.
 */
export class SharedFactsTable {
  readonly #capacity: number;
  readonly #pool: StringPool;
  readonly #fields: KeptFields;
  #table = new Map<string, SharedFacts>();
  #last: SharedFacts | undefined;

  constructor(fields: KeptFields, pool: StringPool, capacity = 4096) {
    this.#fields = fields;
    this.#pool = pool;
    this.#capacity = capacity;
  }

  /** The kept fields of every event this table describes. */
  get fields(): KeptFields {
    return this.#fields;
  }

  /** The facts of `event`, whose kept fields are described by `kept`. */
  of(event: TrailEvent, kept: KeptValues): SharedFacts {
    const fields = this.#fields;
    const origin: EventOrigin = event.origin;
    const last = this.#last;
    if (
      last !== undefined &&
      last.twins === kept.twins &&
      last.absent === kept.absent &&
      last.source === event.source &&
      last.action === event.action &&
      last.errorCode === event.errorCode &&
      last.errorMessage === event.errorMessage &&
      last.principalType === event.principalType &&
      last.account === event.account &&
      last.region === event.region &&
      last.userAgent === event.userAgent &&
      last.originSource === origin.source &&
      last.originLocation === origin.location
    ) {
      return last;
    }
    const signature = [kept.twins, kept.absent, event.source, event.action, event.errorCode, event.errorMessage, event.principalType, event.account, event.region, event.userAgent, origin.source, origin.location]
      .map(signaturePart)
      .join('');
    let facts = this.#table.get(signature);
    if (facts === undefined) {
      if (this.#table.size >= this.#capacity) this.#table = new Map();
      const pool = this.#pool;
      facts = {
        fields,
        source: pool.intern(event.source),
        action: pool.intern(event.action),
        errorCode: pooled(pool, event.errorCode),
        errorMessage: pooled(pool, event.errorMessage),
        principalType: pooled(pool, event.principalType),
        account: pooled(pool, event.account),
        region: pooled(pool, event.region),
        userAgent: pooled(pool, event.userAgent),
        originSource: pool.intern(origin.source),
        originLocation: pool.intern(origin.location),
        twins: kept.twins,
        absent: kept.absent,
      };
      // A long signature (a huge agent or message) is not kept as a key: the table stays small whatever the records hold.
      if (signature.length <= MAX_SIGNATURE) this.#table.set(signature, facts);
    }
    this.#last = facts;
    return facts;
  }
}

/** Longest signature (characters) kept in the table. */
const MAX_SIGNATURE = 2048;

// Length-prefixed, so no two different lists of values make the same signature.
function signaturePart(value: string | number | undefined): string {
  if (value === undefined) return '-';
  const text = String(value);
  return `${text.length}:${text}`;
}

/** `value` from `pool`, or `undefined`. */
export function pooled(pool: StringPool, value: string | undefined): string | undefined {
  return value === undefined ? undefined : pool.intern(value);
}
