import { constants } from 'node:zlib';
import { decodeBuffer, decodeDocument, decodeRecordsInSlices, isGzip, RECORDS_OPENING, salvageRecords, type DecodedBatch, type DecodeOptions, type InputLocation } from '@jackwatch/core/decode';
import type { InterestFilter } from './interest-filter.ts';
import { decodeSelected } from './decode-selected.ts';
import { inflateAtMost, type WholeInflater } from './inflate-whole.ts';
import { containsAny } from './select-records.ts';

/** A decoded file, and what was left out of it. */
export interface WholeFileResult {
  readonly batch: DecodedBatch;
  /** The whole file was skipped: none of its bytes name an event source of interest. */
  readonly prefiltered: boolean;
  /** Records skipped unparsed inside a file that was read. */
  readonly skippedRecords: number;
  /** Records parsed and valid but left out: no detector can match them. */
  readonly unmatchedRecords: number;
  /** True when the file holds nothing but white space (once inflated): nothing to decode, nothing reported. */
  readonly blank?: boolean;
}

/** What the detectors downstream can match, and how much decoding that may save. */
export interface WholeFileSelection {
  /** What the detectors can match; `undefined` when one wants every event. */
  readonly filter: InterestFilter | undefined;
  /** Skip unparsed the files and records that cannot match (else every record is parsed and validated). */
  readonly prefilter: boolean;
  /** A record (array element, NDJSON line) larger than this many bytes is rejected unparsed; the others are still read. */
  readonly maxRecordSize: number;
}

/**
 * Decodes a whole file held in memory: gunzips it in one call when gzipped
 * (the fastest way), and otherwise decodes it like `decodeBuffer` — except
 * that a truncated or damaged `{"Records":[…]}` document keeps its complete
 * records (core's `decodeBuffer` keeps none). Never throws; returns
 * `undefined` for a gzip file it cannot decode whole without losing records
 * or going past its memory bound (see below).
 *
 * With a `filter`, only events the detectors can match are returned, plus
 * each account and region's newest other event (so the watermark advances
 * as if all were); the rest are counted. With `prefilter`, it also skips
 * parsing: a file whose bytes name none of the event sources is not decoded
 * at all; in a file that does, only the records whose bytes name one are
 * parsed. Records skipped unparsed are not validated, so their defects are
 * not reported.
 *
 * A record larger than `selection.maxRecordSize` is rejected with its index,
 * its size and the limit, unparsed; every other record is still decoded.
 *
 * Gzipped bytes are inflated by `inflater` (a reader decoding many files
 * keeps one, which reuses its output buffer; nothing returned refers to it),
 * never past its `maxInflatedSize`. A file that inflates further — a
 * decompression bomb, or just a file whose trailer understates its size —
 * is not decoded here, and neither is a damaged gzip stream (one that is
 * not merely cut short): `undefined` comes back, and the caller streams the
 * file, in bounded memory, reading every record (before the damage).
 */
export function decodeWholeFile(bytes: Buffer, where: InputLocation, selection: WholeFileSelection, inflater: WholeInflater): WholeFileResult | undefined {
  const { filter, maxRecordSize } = selection;
  const prefilter = selection.prefilter ? filter : undefined;
  let inflated: Buffer | undefined;
  try {
    inflated = isGzip(bytes) ? inflater.inflate(bytes) : bytes;
  } catch (error) {
    const batch = decodeCutGzip(bytes, where, error as Error, maxRecordSize, inflater.maxInflatedSize);
    if (batch === undefined) return undefined;
    return { batch: prefilter ? keepMatching(batch, prefilter) : batch, prefiltered: false, skippedRecords: 0, unmatchedRecords: 0 };
  }
  if (inflated === undefined) return undefined;
  if (isBlank(inflated)) return { batch: { events: [], rejections: [] }, prefiltered: false, skippedRecords: 0, unmatchedRecords: 0, blank: true };
  const needles = prefilter?.needleBytes;
  if (prefilter !== undefined && needles !== undefined) {
    if (!containsAny(inflated, needles) && isWholeDocument(inflated)) return { batch: { events: [], rejections: [] }, prefiltered: true, skippedRecords: 0, unmatchedRecords: 0 };
    const selected = decodeSelected(inflated, where, prefilter, maxRecordSize);
    if (selected !== undefined) return { batch: selected.batch, prefiltered: false, skippedRecords: selected.skipped, unmatchedRecords: 0 };
  }
  const keep = filter === undefined ? undefined : (source: string, action: string): boolean => filter.matches(source, action);
  const sliced = decodeRecordsInSlices(inflated, where, { keep, maxRecordSize });
  const { batch: decoded, salvaged } = sliced === undefined ? decodeWholeText(inflated, where, { keep, maxRecordSize }) : { batch: sliced, salvaged: false };
  if (salvaged) return { batch: prefilter ? keepMatching(decoded, prefilter) : decoded, prefiltered: false, skippedRecords: 0, unmatchedRecords: 0 };
  // With the prefilter, even each partition's newest unmatched event is left out: file names tell the watermark how far it was read.
  const batch = prefilter ? keepMatching(decoded, prefilter) : decoded;
  return { batch, prefiltered: false, skippedRecords: 0, unmatchedRecords: (decoded.unmatched ?? 0) + decoded.events.length - batch.events.length };
}

/** `batch` with only the events `filter` matches (rejections are kept). */
export function keepMatching(batch: DecodedBatch, filter: InterestFilter): DecodedBatch {
  if (batch.events.every((e) => filter.matches(e.source, e.action))) return batch;
  return { events: batch.events.filter((e) => filter.matches(e.source, e.action)), rejections: batch.rejections };
}

// What a gzip file cut short still holds. `undefined` (stream it) when that is past `maxInflatedSize`, or when the
// stream is damaged rather than cut — a bad header, bad data, a trailer that does not match: zlib then gives up
// everything it inflated in one call, while the streaming readers keep every record before the damage.
function decodeCutGzip(bytes: Buffer, where: InputLocation, cause: Error, maxRecordSize: number, maxInflatedSize: number): DecodedBatch | undefined {
  let inflated: Buffer | undefined;
  try {
    inflated = inflateAtMost(bytes, maxInflatedSize, constants.Z_SYNC_FLUSH);
  } catch {
    return undefined;
  }
  if (inflated === undefined) return undefined;
  const partial = inflated.toString('utf8');
  if (!RECORDS_OPENING.test(partial)) return decodeBuffer(bytes, where, { maxRecordSize, maxInflatedSize }); // NDJSON: core keeps the complete lines
  const batch = salvageRecords(partial, where, `gzip stream ends early after ${partial.length} bytes: ${cause.message}`, { maxRecordSize });
  if (!batch.rejections.some((r) => r.reason === 'truncated' && r.origin.index === -1)) {
    // Every record arrived but the gzip trailer did not: still a damaged file.
    batch.rejections.push({ reason: 'truncated', message: `gzip stream is damaged: ${cause.message}`, origin: { ...where, index: -1 } });
  }
  return batch;
}

// Skipping a file unread is safe only when it is whole: a complete `{"Records":[…]}` or JSON array, or lines of JSON
// objects. Anything else (binary junk, a document cut short, one stray JSON value) is decoded, so its defects are reported.
function isWholeDocument(bytes: Buffer): boolean {
  let end = bytes.length - 1;
  while (end >= 0 && isSpace(bytes[end]!)) end--;
  const head = bytes.subarray(0, 64).toString('latin1').trimStart();
  if (end <= 0) return false;
  if (bytes[end] === 0x5d) return head.startsWith('[');
  if (bytes[end] !== 0x7d || !head.startsWith('{')) return false;
  return RECORDS_OPENING.test(head) || bytes.indexOf('}\n{') >= 0 || bytes.indexOf('}\r\n{') >= 0;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

// Stops at the first byte that is not white space: the start of any real document.
function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (!isSpace(byte)) return false;
  return true;
}

// The document decoded as one text; record by record (`salvaged`, every record kept) when one broken record made it fail whole.
function decodeWholeText(inflated: Buffer, where: InputLocation, options: DecodeOptions): { batch: DecodedBatch; salvaged: boolean } {
  const text = inflated.toString('utf8');
  const decoded = decodeDocument(text, where, options);
  if (!isUnsplitRecordsFailure(decoded, text)) return { batch: decoded, salvaged: false };
  return { batch: salvageRecords(text, where, undefined, { maxRecordSize: options.maxRecordSize }), salvaged: true };
}

// decodeDocument gives up on the whole text when JSON.parse fails anywhere.
function isUnsplitRecordsFailure(batch: DecodedBatch, text: string): boolean {
  if (batch.events.length > 0 || batch.rejections.length !== 1) return false;
  const only = batch.rejections[0]!;
  return only.origin.index === -1 && (only.reason === 'truncated' || only.reason === 'malformed-json') && RECORDS_OPENING.test(text);
}

