import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { oversizedRejection } from './record-size.ts';
import { RecordsBatch } from './records-batch.ts';
import { isOversized, RecordsSplitter, type SplitElement, type SplitEnd } from './records-splitter.ts';

/**
 * Decodes a `{"Records":[…]}` document or JSON array record by record, so a
 * document cut short (a truncated download, a half-written file), with one
 * broken record, or with one record larger than `options.maxRecordSize`
 * still yields every other complete record: a cut is reported once as
 * `truncated` (index -1, with `cause` when known), a broken record as
 * `malformed-json` with its index, an oversized one likewise with its size
 * and the limit (it is not parsed). `options.keep` is honoured as by
 * `decodeRecords`. Never throws.
 */
export function salvageRecords(text: string, where: InputLocation, cause?: string, options?: DecodeOptions): DecodedBatch {
  const limit = options?.maxRecordSize ?? Number.POSITIVE_INFINITY;
  const batch = new RecordsBatch(where, options);
  const splitter = new RecordsSplitter(limit);
  const elements: SplitElement[] = [];
  const whole = { source: where.source, location: where.location, index: -1 };
  try {
    splitter.push(text, elements);
  } catch (error) {
    batch.reject({ reason: 'malformed-json', message: (error as Error).message, origin: whole });
    return batch.finish();
  }
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const origin = { source: where.source, location: where.location, index };
    if (isOversized(element)) {
      batch.reject(oversizedRejection(element.oversizedBytes, limit, origin));
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(element);
    } catch (error) {
      batch.reject({ reason: 'malformed-json', message: `record is not JSON: ${(error as Error).message}`, origin });
      continue;
    }
    batch.add(value, index);
  }
  const end = splitter.end();
  if (!end.complete) batch.reject({ reason: 'truncated', message: cutMessage(end, elements.length, limit, cause), origin: whole });
  return batch.finish();
}

function cutMessage(end: SplitEnd, records: number, limit: number, cause: string | undefined): string {
  const why = cause === undefined ? '' : ` (${cause})`;
  const inside = end.droppedOversized ? ` inside record ${records}, already longer than maxRecordSize (${limit} bytes),` : '';
  return `document ends early${inside} after ${records} complete records${why}; they were kept`;
}
