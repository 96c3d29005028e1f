import { isRejection, normalizeRecord } from '../event/normalize.ts';
import type { DecodedBatch, InputLocation } from './decoded-batch.ts';
import { unwrapRecord } from './unwrap-record.ts';

/**
 * Normalizes already-parsed values (the `Records` array of a delivery file,
 * a JSON array of records, EventBridge envelopes) into one batch. Each
 * record's origin index is its position, starting at 0.
 */
export function decodeRecords(values: readonly unknown[], where: InputLocation, into?: DecodedBatch): DecodedBatch {
  const batch = into ?? { events: [], rejections: [] };
  for (let index = 0; index < values.length; index++) {
    const result = normalizeRecord(unwrapRecord(values[index]), { source: where.source, location: where.location, index });
    if (isRejection(result)) batch.rejections.push(result);
    else batch.events.push(result);
  }
  return batch;
}
