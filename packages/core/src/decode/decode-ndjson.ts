import type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
import { decodeRecordText } from './decode-record-text.ts';
import { bytesOverLimit, oversizedRejection } from './record-size.ts';

/**
 * Decodes newline-delimited JSON: one record (or EventBridge envelope) per
 * line. A bad line is rejected with its 1-based line number, a line larger
 * than `options.maxRecordSize` likewise with its size (unparsed); the rest
 * of the text is still decoded. `firstLine` numbers lines of a chunk within
 * a file. `options.keep` is not applied: every event is returned.
 */
export function decodeNdjson(text: string, where: InputLocation, firstLine = 1, into?: DecodedBatch, options?: DecodeOptions): DecodedBatch {
  const batch = into ?? { events: [], rejections: [] };
  const limit = options?.maxRecordSize ?? Number.POSITIVE_INFINITY;
  let start = 0;
  let line = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const origin = { source: where.source, location: where.location, index: line };
    const oversized = bytesOverLimit(text, limit, start, end);
    if (oversized !== undefined) batch.rejections.push(oversizedRejection(oversized, limit, origin, 'line'));
    else {
      const content = text.slice(start, end).trim();
      if (content !== '') decodeRecordText(content, origin, batch, 'line');
    }
    start = end + 1;
    line++;
  }
  return batch;
}
