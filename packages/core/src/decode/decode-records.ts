import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { RecordsBatch } from './records-batch.ts';

/**
 * Normalizes already-parsed values (the `Records` array of a delivery file,
 * a JSON array of records, EventBridge envelopes) into one batch. Each
 * record's origin index is its position, starting at 0. With `options.keep`,
 * only the wanted events are returned (see {@link DecodeOptions}).
 */
export function decodeRecords(values: readonly unknown[], where: InputLocation, options?: DecodeOptions): DecodedBatch {
  const batch = new RecordsBatch(where, options);
  for (let index = 0; index < values.length; index++) batch.add(values[index], index);
  return batch.finish();
}
