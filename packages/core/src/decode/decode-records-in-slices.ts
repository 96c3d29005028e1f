import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { RecordsBatch } from './records-batch.ts';
import { nextRecordStart, recordEnd, recordsLayout } from './records-layout.ts';

/** The bytes a slice of records reaches before it is cut at the next record: far below V8's large-object size. */
const SLICE_BYTES = 32 * 1024;

/**
 * Decodes a `{"Records":[…]}` delivery file from its bytes a slice of records
 * at a time: each slice of about 32 KiB is made a string and parsed on its
 * own. The result is the one {@link decodeDocument} gives for the whole text,
 * without building a string of the whole document — a file's text is
 * megabytes, a large object V8 allocates in its old generation, so decoding
 * file after file that way makes garbage for the full collector, and a full
 * collection must mark everything a long-running process holds.
 *
 * Slices are cut between records where {@link recordsLayout} finds them. It
 * returns `undefined` (decode the whole text instead) for anything but a
 * `{"Records":[…]}` document with records, for a slice that does not parse
 * (a damaged document, or a cut that is not between records: the whole text
 * then gets the usual error reporting), and for a slice of more than a
 * quarter of `options.maxRecordSize` bytes (the whole text's path measures
 * records first). When every slice parses, its records are the array's
 * records one after the other, so they are the same values in the same
 * order, with the same indexes.
 *
 * @param sliceBytes where a slice is cut (at the next record): 32 KiB unless a test needs many cuts.
 */
export function decodeRecordsInSlices(bytes: Buffer, where: InputLocation, options?: DecodeOptions, sliceBytes = SLICE_BYTES): DecodedBatch | undefined {
  const layout = recordsLayout(bytes);
  if (layout === undefined) return undefined;
  const maxSlice = options?.maxRecordSize === undefined ? Number.POSITIVE_INFINITY : options.maxRecordSize / 4;
  const batch = new RecordsBatch(where, options);
  let index = 0;
  for (let start = layout.first; start >= 0; ) {
    const next = start + sliceBytes >= layout.closing ? -1 : nextRecordStart(bytes, layout, start + sliceBytes);
    const end = recordEnd(bytes, layout, next);
    if (end - start > maxSlice) return undefined;
    let records: unknown[];
    try {
      records = JSON.parse(`[${bytes.toString('utf8', start, end)}]`) as unknown[]; // parsed, it can only be an array
    } catch {
      return undefined;
    }
    for (const record of records) batch.add(record, index++);
    start = next;
  }
  return batch.finish();
}
