import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { isRejection, normalizeRecord } from '../event/normalize.ts';
import type { EventOrigin, TrailEvent } from '../event/trail-event.ts';
import { cloudTrailRecord, type RecordSpec } from './cloudtrail-record.ts';

/** Defaults a factory applies to every event it builds (any {@link RecordSpec} field but time and action). */
export type EventDefaults = Partial<Omit<RecordSpec, 'time' | 'action' | 'eventId' | 'seed'>>;

/**
 * Builds test events with distinct, reproducible `eventID`s: the n-th event
 * of a factory seeded `s` always gets the id derived from `s#n`, so two
 * identical specs are two distinct calls (as in real logs) and a test that
 * runs twice sees the same ids. To model a redelivery, reuse the event object
 * or pass the same `eventId`.
 *
 * @example
 * ```ts
 * const events = new EventFactory('rule-a', { identity: iamUser({ userName: 'mallory' }) });
 * const list = events.event({ time: '2024-10-17T20:00:00Z', action: 'ListFoundationModels' });
 * const invoke = events.event({ time: '2024-10-17T20:03:00Z', action: 'InvokeModel' });
 * ```
 */
export class EventFactory {
  readonly #seed: string;
  readonly #defaults: EventDefaults;
  #count = 0;

  constructor(seed = 'events', defaults: EventDefaults = {}) {
    this.#seed = seed;
    this.#defaults = defaults;
  }

  /** The raw CloudTrail record of the next event. */
  record(spec: RecordSpec): CloudTrailRecord {
    this.#count++;
    return cloudTrailRecord({ ...this.#defaults, seed: `${this.#seed}#${this.#count}`, ...spec });
  }

  /** The next event, normalized as a decoder would. */
  event(spec: RecordSpec): TrailEvent {
    const record = this.record(spec);
    return toTrailEvent(record, { source: 'test', location: `memory:${this.#seed}`, index: this.#count });
  }

  /** `count` events, the i-th built from `spec(i)`. */
  events(count: number, spec: (index: number) => RecordSpec): TrailEvent[] {
    const events: TrailEvent[] = [];
    for (let i = 0; i < count; i++) events.push(this.event(spec(i)));
    return events;
  }
}

/**
 * Normalizes a record as the decoders do; throws (test code only) when it is
 * not a valid CloudTrail record, with the reason.
 */
export function toTrailEvent(record: unknown, origin: EventOrigin = { source: 'test', location: 'memory', index: 0 }): TrailEvent {
  const result = normalizeRecord(record, origin);
  if (isRejection(result)) throw new Error(`not a usable test event: ${result.message}`);
  return result;
}
