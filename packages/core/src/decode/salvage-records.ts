import type { DecodedBatch, InputLocation } from './decoded-batch.ts';
import { decodeRecordText } from './decode-record-text.ts';
import { RecordsSplitter } from './records-splitter.ts';

/**
 * Decodes a `{"Records":[…]}` document or JSON array record by record, so a
 * document cut short (a truncated download, a half-written file) or with one
 * broken record still yields every complete record: a cut is reported once as
 * `truncated` (index -1, with `cause` when known), a broken record as
 * `malformed-json` with its index. Never throws.
 */
export function salvageRecords(text: string, where: InputLocation, cause?: string): DecodedBatch {
  const batch: DecodedBatch = { events: [], rejections: [] };
  const splitter = new RecordsSplitter(Number.POSITIVE_INFINITY);
  const elements: string[] = [];
  const whole = { source: where.source, location: where.location, index: -1 };
  try {
    splitter.push(text, elements);
  } catch (error) {
    batch.rejections.push({ reason: 'malformed-json', message: (error as Error).message, origin: whole });
    return batch;
  }
  for (let index = 0; index < elements.length; index++) {
    decodeRecordText(elements[index]!, { source: where.source, location: where.location, index }, batch);
  }
  if (!splitter.end().complete) {
    const why = cause === undefined ? '' : ` (${cause})`;
    batch.rejections.push({
      reason: 'truncated',
      message: `document ends early after ${elements.length} complete records${why}; they were kept`,
      origin: whole,
    });
  }
  return batch;
}
