import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { decodeNdjson } from './decode-ndjson.ts';
import { decodeRecords } from './decode-records.ts';
import { bytesOverLimit, oversizedRejection } from './record-size.ts';
import { RECORDS_OPENING } from './records-splitter.ts';
import { salvageRecords } from './salvage-records.ts';
import { describeJson } from '../services/checkpoint-file.ts';

/**
 * Decodes one whole document of CloudTrail text, whatever its shape:
 * - the S3 delivery file `{"Records": [...]}`,
 * - a JSON array of records,
 * - a single record or EventBridge envelope,
 * - NDJSON (one record per line), recognised when the text is not one JSON value.
 *
 * Never throws: what cannot be decoded is returned as rejections with the
 * location and record index (NDJSON: the line number). `options.keep` is
 * honoured for JSON documents; NDJSON returns every event.
 *
 * With `options.maxRecordSize`, a document larger than that is split and
 * each record measured before it is parsed: an oversized record is rejected
 * with its index, its size and the limit, and every other record is kept.
 */
export function decodeDocument(text: string, where: InputLocation, options?: DecodeOptions): DecodedBatch {
  const first = firstNonSpace(text);
  if (first < 0) return { events: [], rejections: [] };
  const limit = options?.maxRecordSize;
  const oversized = limit === undefined ? undefined : bytesOverLimit(text, limit);
  if (oversized !== undefined) return decodeLargeDocument(text, first, oversized, where, { ...options, maxRecordSize: limit! });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text[first] === '{' && hasSecondLine(text, first)) return decodeNdjson(text, where);
    const truncated = /end of (JSON )?input|Unterminated/i.test((error as Error).message);
    return {
      events: [],
      rejections: [
        {
          reason: truncated ? 'truncated' : 'malformed-json',
          message: `${truncated ? 'document ends early' : 'not valid JSON'}: ${(error as Error).message}`,
          origin: { source: where.source, location: where.location, index: -1 },
        },
      ],
    };
  }
  if (Array.isArray(value)) return decodeRecords(value, where, options);
  if (typeof value === 'object' && value !== null && 'Records' in value) {
    const records = (value as { Records: unknown }).Records;
    if (Array.isArray(records)) return decodeRecords(records, where, options);
    const message = `not a CloudTrail file: "Records" holds ${describeJson(records)}, not an array of records`;
    return { events: [], rejections: [{ reason: 'not-cloudtrail', message, origin: { source: where.source, location: where.location, index: -1 } }] };
  }
  return decodeRecords([value], where, options);
}

// Larger than the record limit, so it may hold an oversized record: records are measured one by one before parsing.
function decodeLargeDocument(text: string, first: number, bytes: number, where: InputLocation, options: DecodeOptions & { maxRecordSize: number }): DecodedBatch {
  if (RECORDS_OPENING.test(text)) return salvageRecords(text, where, undefined, options);
  if (text[first] === '{' && hasSecondLine(text, first)) return decodeNdjson(text, where, 1, undefined, options);
  // One value — a single record or envelope — larger than the limit.
  const origin = { source: where.source, location: where.location, index: 0 };
  return { events: [], rejections: [oversizedRejection(bytes, options.maxRecordSize, origin)] };
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return i;
  }
  return -1;
}

function hasSecondLine(text: string, from: number): boolean {
  const newline = text.indexOf('\n', from);
  return newline >= 0 && text.slice(newline).trim() !== '';
}
