import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { RecordsBatch } from './records-batch.ts';
import { RECORDS_OPENING } from './records-splitter.ts';

/** The bytes a slice of records reaches before it is cut at the next record: far below V8's large-object size. */
const SLICE_BYTES = 32 * 1024;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
// Where one record ends and the next begins in a delivery file as CloudTrail writes it. Only ever structural: inside a
// JSON string a quote is escaped, so `{"eventVersion"` cannot occur there.
const RECORD_BOUNDARY = Buffer.from('},{"eventVersion":');
// The longest text before the array that is looked at: `{"Records":[`, maybe with white space.
const MAX_OPENING = 64;

/**
 * Decodes a `{"Records":[…]}` delivery file from its bytes a slice of records
 * at a time: each slice of about 32 KiB is made a string and parsed on its
 * own. The result is the one {@link decodeDocument} gives for the whole text,
 * without building a string of the whole document — a file's text is
 * megabytes, a large object V8 allocates in its old generation, so decoding
 * file after file that way makes garbage for the full collector, and a full
 * collection must mark everything a long-running process holds.
 *
 * Returns `undefined` (decode the whole text instead) for anything but a
 * plain delivery file with records written the way CloudTrail writes them
 * (`},{"eventVersion":` between records), for a slice that does not parse
 * (a damaged document, or a cut that is not between records: the whole text
 * then gets the usual error reporting), and for a slice of more than a
 * quarter of `options.maxRecordSize` bytes (the whole text's path measures
 * records first). When every slice parses, joining the slices with commas
 * gives back the array's text, so the records are the same values in the
 * same order, with the same indexes.
 *
 * @param sliceBytes where a slice is cut (at the next record): 32 KiB unless a test needs many cuts.
 */
export function decodeRecordsInSlices(bytes: Buffer, where: InputLocation, options?: DecodeOptions, sliceBytes = SLICE_BYTES): DecodedBatch | undefined {
  const array = recordsArray(bytes);
  if (array === undefined) return undefined;
  const maxSlice = options?.maxRecordSize === undefined ? Number.POSITIVE_INFINITY : options.maxRecordSize / 4;
  const batch = new RecordsBatch(where, options);
  let index = 0;
  for (let start = array.start; start < array.end; ) {
    const boundary = start + sliceBytes >= array.end ? -1 : bytes.indexOf(RECORD_BOUNDARY, start + sliceBytes);
    const end = boundary < 0 || boundary >= array.end ? array.end : boundary + 1;
    if (end - start > maxSlice) return undefined;
    let records: unknown[];
    try {
      records = JSON.parse(`[${bytes.toString('utf8', start, end)}]`) as unknown[]; // parsed, it can only be an array
    } catch {
      return undefined;
    }
    for (const record of records) batch.add(record, index++);
    start = end + 1; // past the comma
  }
  return batch.finish();
}

// The bytes between `{"Records":[` and `]}`, or `undefined` for a document of any other shape.
function recordsArray(bytes: Buffer): { start: number; end: number } | undefined {
  // Starting at `{` (no byte-order mark, no white space), the opening is ASCII: its length in characters is in bytes.
  if (bytes.length < 2 || bytes[0] !== OPEN_BRACE) return undefined;
  const opening = RECORDS_OPENING.exec(bytes.toString('latin1', 0, Math.min(bytes.length, MAX_OPENING)));
  if (opening === null) return undefined;
  let end = bytes.length - 1;
  while (end > 0 && isSpace(bytes[end]!)) end--;
  if (bytes[end] !== CLOSE_BRACE) return undefined;
  end--;
  while (end > 0 && isSpace(bytes[end]!)) end--;
  if (bytes[end] !== CLOSE_BRACKET) return undefined;
  const start = opening[0].length;
  return start > end ? undefined : { start, end };
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
