import { constants, gunzipSync } from 'node:zlib';
import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { decodeDocument } from './decode-document.ts';
import { decodeRecordsInSlices } from './decode-records-in-slices.ts';
import { RECORDS_OPENING } from './records-splitter.ts';
import { salvageRecords } from './salvage-records.ts';
import type { Rejection } from '../event/rejection.ts';

/** The most bytes {@link decodeBuffer} inflates a gzipped input to, unless told otherwise: 256 MiB. */
export const DEFAULT_MAX_INFLATED_SIZE = 256 * 1024 * 1024;

/** How {@link decodeBuffer} decodes: the options of {@link decodeDocument}, and a bound on decompression. */
export interface DecodeBufferOptions extends DecodeOptions {
  /**
   * The most bytes a gzipped input may inflate to (default
   * {@link DEFAULT_MAX_INFLATED_SIZE}). Inflating stops as soon as it goes
   * past, and the input is rejected (`decompression-failed`) with nothing
   * decoded: a decompression bomb costs this much memory at most.
   */
  readonly maxInflatedSize?: number;
}

/** True when `bytes` start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decodes a whole input held in memory (an S3 object, a delivery file): gunzips
 * it in one call when it is gzipped — several times faster than default
 * streaming gunzip — then decodes it as {@link decodeDocument} decodes its
 * text (a delivery file a slice of records at a time: see
 * {@link decodeRecordsInSlices}).
 *
 * A gzipped input that inflates past `options.maxInflatedSize` is rejected
 * (`decompression-failed`, naming the limit), not decoded: the text must be
 * held whole here, so there is no other way to read it in bounded memory.
 *
 * A truncated gzip stream is still inflated as far as it goes: the input is
 * reported as truncated, and every complete record before the cut is kept
 * (of a `{"Records":[…]}` document or JSON array, or NDJSON lines).
 */
export function decodeBuffer(bytes: Uint8Array, where: InputLocation, options?: DecodeBufferOptions): DecodedBatch {
  if (!isGzip(bytes)) return decodeBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), where, options);
  const limit = options?.maxInflatedSize ?? DEFAULT_MAX_INFLATED_SIZE;
  let inflated: Buffer | undefined;
  try {
    inflated = gunzipAtMost(bytes, limit, constants.Z_FINISH);
  } catch (error) {
    return decodeTruncated(bytes, where, error as Error, limit, options);
  }
  if (inflated === undefined) return tooLarge(where, limit);
  return decodeBytes(inflated, where, options);
}

// A delivery file a slice of records at a time when it is one, else its whole text.
function decodeBytes(bytes: Buffer, where: InputLocation, options: DecodeOptions | undefined): DecodedBatch {
  return decodeRecordsInSlices(bytes, where, options) ?? decodeDocument(bytes.toString('utf8'), where, options);
}

function decodeTruncated(bytes: Uint8Array, where: InputLocation, cause: Error, limit: number, options: DecodeOptions | undefined): DecodedBatch {
  const origin = { source: where.source, location: where.location, index: -1 };
  let partial: Buffer | undefined;
  try {
    partial = gunzipAtMost(bytes, limit, constants.Z_SYNC_FLUSH);
  } catch {
    return { events: [], rejections: [{ reason: 'decompression-failed', message: `not a readable gzip stream: ${cause.message}`, origin }] };
  }
  if (partial === undefined) return tooLarge(where, limit);
  const text = partial.toString('utf8');
  if (RECORDS_OPENING.test(text)) return salvageRecords(text, where, `gzip stream ends early after ${partial.length} bytes: ${cause.message}`, options);
  const usable = text.slice(0, text.lastIndexOf('\n') + 1);
  const batch = decodeDocument(usable, where, options);
  batch.rejections.push({
    reason: 'truncated',
    message: `gzip stream ends early after ${partial.length} bytes (${cause.message}); ${batch.events.length} complete records before the cut were kept`,
    origin,
  });
  return batch;
}

// The inflated bytes, or `undefined` as soon as they pass `limit` (zlib stops there: no more is allocated).
function gunzipAtMost(bytes: Uint8Array, limit: number, finishFlush: number): Buffer | undefined {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit, finishFlush });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}

function tooLarge(where: InputLocation, limit: number): DecodedBatch {
  const rejection: Rejection = {
    reason: 'decompression-failed',
    message: `inflates past ${limit} bytes (maxInflatedSize); not decoded: too large to hold in memory (a decompression bomb, or a file to read as a stream)`,
    origin: { source: where.source, location: where.location, index: -1 },
  };
  return { events: [], rejections: [rejection] };
}
