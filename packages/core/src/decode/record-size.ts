import type { Rejection } from '../event/rejection.ts';
import type { EventOrigin } from '../event/trail-event.ts';

/** The record size limit the sources apply unless configured otherwise: 16 MiB. */
export const DEFAULT_MAX_RECORD_SIZE = 16 * 1024 * 1024;

/**
 * The size in UTF-8 bytes of `text[start, end)` when it is larger than
 * `limit`, else `undefined`. Cheap for the text of an ordinary record: its
 * bytes are counted only when its length could put it over the limit (a
 * UTF-16 code unit is at most 3 bytes).
 */
export function bytesOverLimit(text: string, limit: number, start = 0, end = text.length): number | undefined {
  const length = end - start;
  if (length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(start === 0 && end === text.length ? text : text.slice(start, end), 'utf8');
  return bytes > limit ? bytes : undefined;
}

/**
 * The rejection of one record (or NDJSON line, or log event) larger than
 * `limit`: it names its size and the limit, and says the input goes on.
 */
export function oversizedRejection(bytes: number, limit: number, origin: EventOrigin, unit: 'record' | 'line' | 'log event' = 'record'): Rejection {
  return {
    reason: 'malformed-json',
    message: `${unit} is ${bytes} bytes, longer than maxRecordSize (${limit} bytes); skipped unparsed, the rest of the input is still read`,
    origin,
  };
}
