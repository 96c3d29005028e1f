import { constants, gunzipSync } from 'node:zlib';
import { decodeBuffer, decodeDocument, isGzip, type DecodedBatch, type InputLocation } from '@jackwatch/core';
import { mayMatch } from './prefilter.ts';
import { RECORDS_OPENING } from './records-splitter.ts';
import { salvageRecords } from './salvage-records.ts';

/** A decoded file, and whether the prefilter skipped it without parsing. */
export interface WholeFileResult {
  readonly batch: DecodedBatch;
  readonly prefiltered: boolean;
}

/**
 * Decodes a whole file held in memory: gunzips it in one call when gzipped
 * (the fastest way), skips it unparsed when it cannot contain any of
 * `needles`, and otherwise decodes it like `decodeBuffer` — except that a
 * truncated or damaged `{"Records":[…]}` document keeps its complete records
 * (core's `decodeBuffer` keeps none). Never throws.
 */
export function decodeWholeFile(bytes: Buffer, where: InputLocation, needles: readonly string[] | undefined): WholeFileResult {
  let text: string;
  try {
    text = isGzip(bytes) ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  } catch (error) {
    return { batch: decodeCutGzip(bytes, where, error as Error), prefiltered: false };
  }
  if (!mayMatch(text, needles)) return { batch: { events: [], rejections: [] }, prefiltered: true };
  const batch = decodeDocument(text, where);
  return { batch: isUnsplitRecordsFailure(batch, text) ? salvageRecords(text, where) : batch, prefiltered: false };
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
