import { constants, gunzipSync } from 'node:zlib';
import { decodeBuffer, decodeDocument, isGzip, RECORDS_OPENING, salvageRecords, type DecodedBatch, type InputLocation } from '@jackwatch/core';
import type { InterestFilter } from '../internal/interest-filter.ts';
import { decodeSelected } from './decode-selected.ts';
import { inflateOnce, type WholeInflater } from './inflate-whole.ts';
import { containsAny } from './select-records.ts';

/** A decoded file, and what the prefilter skipped of it without parsing. */
export interface WholeFileResult {
  readonly batch: DecodedBatch;
  /** The whole file was skipped: none of its bytes name an event source of interest. */
  readonly prefiltered: boolean;
  /** Records skipped unparsed inside a file that was read. */
  readonly skippedRecords: number;
}


/**
 * Decodes a whole file held in memory: gunzips it in one call when gzipped
 * (the fastest way), and otherwise decodes it like `decodeBuffer` — except
 * that a truncated or damaged `{"Records":[…]}` document keeps its complete
 * records (core's `decodeBuffer` keeps none). Never throws.
 *
 * With `prefilter` (what the detectors can match), it skips work at two
 * levels: a file whose bytes name none of the event sources is not decoded
 * at all; in a file that does, only the records whose bytes name one are
 * parsed, and only events `prefilter` matches are returned. Records skipped
 * unparsed are not validated, so their defects are not reported.
 *
 * A reader decoding many files passes its own `inflater`, which reuses one
 * output buffer (nothing returned refers to it).
 */
export function decodeWholeFile(bytes: Buffer, where: InputLocation, prefilter: InterestFilter | undefined, inflater?: WholeInflater): WholeFileResult {
  let inflated: Buffer;
  try {
    inflated = !isGzip(bytes) ? bytes : inflater === undefined ? inflateOnce(bytes) : inflater.inflate(bytes);
  } catch (error) {
    const batch = decodeCutGzip(bytes, where, error as Error);
    return { batch: prefilter ? keepMatching(batch, prefilter) : batch, prefiltered: false, skippedRecords: 0 };
  }
  if (prefilter !== undefined) {
    if (!containsAny(inflated, prefilter.needleBytes)) return { batch: { events: [], rejections: [] }, prefiltered: true, skippedRecords: 0 };
    const selected = decodeSelected(inflated, where, prefilter);
    if (selected !== undefined) return { batch: selected.batch, prefiltered: false, skippedRecords: selected.skipped };
  }
  const text = inflated.toString('utf8');
  const decoded = decodeDocument(text, where);
  const batch = isUnsplitRecordsFailure(decoded, text) ? salvageRecords(text, where) : decoded;
  return { batch: prefilter ? keepMatching(batch, prefilter) : batch, prefiltered: false, skippedRecords: 0 };
}

/** `batch` with only the events `filter` matches (rejections are kept). */
export function keepMatching(batch: DecodedBatch, filter: InterestFilter): DecodedBatch {
  if (batch.events.every((e) => filter.matches(e.source, e.action))) return batch;
  return { events: batch.events.filter((e) => filter.matches(e.source, e.action)), rejections: batch.rejections };
}

function decodeCutGzip(bytes: Buffer, where: InputLocation, cause: Error): DecodedBatch {
  let partial: string;
  try {
    partial = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  } catch {
    return decodeBuffer(bytes, where); // not inflatable at all: core reports it
  }
  if (!RECORDS_OPENING.test(partial)) return decodeBuffer(bytes, where); // NDJSON: core keeps the complete lines
  const batch = salvageRecords(partial, where, `gzip stream ends early after ${partial.length} bytes: ${cause.message}`);
  if (!batch.rejections.some((r) => r.reason === 'truncated' && r.origin.index === -1)) {
    // Every record arrived but the gzip trailer did not: still a damaged file.
    batch.rejections.push({ reason: 'truncated', message: `gzip stream is damaged: ${cause.message}`, origin: { ...where, index: -1 } });
  }
  return batch;
}

// decodeDocument gives up on the whole text when JSON.parse fails anywhere.
function isUnsplitRecordsFailure(batch: DecodedBatch, text: string): boolean {
  if (batch.events.length > 0 || batch.rejections.length !== 1) return false;
  const only = batch.rejections[0]!;
  return only.origin.index === -1 && (only.reason === 'truncated' || only.reason === 'malformed-json') && RECORDS_OPENING.test(text);
}

