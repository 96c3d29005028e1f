import { parseEventTime } from '../event/event-time.ts';
import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { isRejection, normalizeRecord } from '../event/normalize.ts';
import type { Rejection } from '../event/rejection.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { NewestPerPartition } from './newest-per-partition.ts';
import { unwrapRecord } from './unwrap-record.ts';

/**
 * Normalizes already-parsed values (the `Records` array of a delivery file,
 * a JSON array of records, EventBridge envelopes) into one batch. Each
 * record's origin index is its position, starting at 0. With `options.keep`,
 * only the wanted events are returned (see {@link DecodeOptions}).
 */
export function decodeRecords(values: readonly unknown[], where: InputLocation, options?: DecodeOptions): DecodedBatch {
  const batch: DecodedBatch = { events: [], rejections: [] };
  const normalizeAt = (value: unknown, index: number): TrailEvent | Rejection => normalizeRecord(unwrapRecord(value), { source: where.source, location: where.location, index });
  const keep = options?.keep;
  const others = keep === undefined ? undefined : new NewestPerPartition();
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (others !== undefined) {
      // Most records, on the hot path: a valid one nobody wants is only checked and timed, without building an event.
      const time = unwantedTime(value, keep!);
      if (time !== undefined) {
        others.observe(value as CloudTrailRecord, index, time, batch.events.length);
        continue;
      }
    }
    const result = normalizeAt(value, index);
    if (isRejection(result)) batch.rejections.push(result);
    else batch.events.push(result);
  }
  if (others === undefined) return batch;
  const events = others.insertInto(batch.events, normalizeAt);
  return { events, rejections: batch.rejections, unmatched: others.passedOver };
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
