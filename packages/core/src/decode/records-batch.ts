import { parseEventTime } from '../event/event-time.ts';
import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { isRejection, normalizeRecord } from '../event/normalize.ts';
import type { Rejection } from '../event/rejection.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { NewestPerPartition } from './newest-per-partition.ts';
import { unwrapRecord } from './unwrap-record.ts';

/**
 * Collects the records of one input, parsed one by one, into a batch:
 * each value is normalized into an event (or the reason it is not one), and
 * with `options.keep` only the wanted events are kept, plus each account and
 * region's newest other one (see {@link DecodeOptions}). Records may come
 * with gaps in their indexes — a record rejected before parsing is
 * {@link reject}ed instead of added.
 */
export class RecordsBatch {
  readonly #where: InputLocation;
  readonly #keep: ((source: string, action: string) => boolean) | undefined;
  readonly #others: NewestPerPartition | undefined;
  readonly #events: TrailEvent[] = [];
  readonly #rejections: Rejection[] = [];

  constructor(where: InputLocation, options?: DecodeOptions) {
    this.#where = where;
    this.#keep = options?.keep;
    this.#others = this.#keep === undefined ? undefined : new NewestPerPartition();
  }

  /** Adds the parsed record found at `index`. */
  add(value: unknown, index: number): void {
    if (this.#others !== undefined) {
      // Most records, on the hot path: a valid one nobody wants is only checked and timed, without building an event.
      const time = unwantedTime(value, this.#keep!);
      if (time !== undefined) {
        this.#others.observe(value as CloudTrailRecord, index, time, this.#events.length);
        return;
      }
    }
    const result = this.#normalizeAt(value, index);
    if (isRejection(result)) this.#rejections.push(result);
    else this.#events.push(result);
  }

  /** Records a record (or the whole input, at index -1) that could not be parsed. */
  reject(rejection: Rejection): void {
    this.#rejections.push(rejection);
  }

  /** The batch: events in record order, every rejection, and how many valid records were left out. */
  finish(): DecodedBatch {
    if (this.#others === undefined) return { events: this.#events, rejections: this.#rejections };
    const events = this.#others.insertInto(this.#events, (value, index) => this.#normalizeAt(value, index));
    return { events, rejections: this.#rejections, unmatched: this.#others.passedOver };
  }

  #normalizeAt(value: unknown, index: number): TrailEvent | Rejection {
    return normalizeRecord(unwrapRecord(value), { source: this.#where.source, location: this.#where.location, index });
  }
}

// The event time of a bare record with a source and an action that `keep` refuses; `undefined` for anything else (a
// wanted record, an envelope, an invalid one), which is normalized and maybe rejected. Each field is read once.
function unwantedTime(value: unknown, keep: (source: string, action: string) => boolean): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as CloudTrailRecord;
  const source = record.eventSource;
  if (typeof source !== 'string' || source === '') return undefined;
  const action = record.eventName;
  if (typeof action !== 'string' || action === '') return undefined;
  const eventTime = record.eventTime;
  if (typeof eventTime !== 'string' || keep(source, action)) return undefined;
  return parseEventTime(eventTime);
}
