import type { SourceBatch } from '@jackwatch/core';

/** The `s3://bucket/key` an event or batch came from. */
export const batchLocation = (batch: SourceBatch): string | undefined => batch.events[0]?.origin.location;

/**
 * Reads batches as the runtime would: acks each (in order) before pulling the
 * next, stops after `limit` batches or when the source ends.
 */
export async function drain(batches: AsyncIterable<SourceBatch>, options: { limit?: number; ack?: boolean } = {}): Promise<SourceBatch[]> {
  const read: SourceBatch[] = [];
  if (options.limit === 0) return read;
  for await (const batch of batches) {
    read.push(batch);
    if (options.ack !== false) await batch.ack?.();
    if (options.limit !== undefined && read.length >= options.limit) break;
  }
  return read;
}
