import type { DecodedBatch, InputLocation } from './decoded-batch.ts';
import { decodeRecordText } from './decode-record-text.ts';

/**
 * Decodes newline-delimited JSON: one record (or EventBridge envelope) per
 * line. A bad line is rejected with its 1-based line number; the rest of the
 * text is still decoded. `firstLine` numbers lines of a chunk within a file.
 */
export function decodeNdjson(text: string, where: InputLocation, firstLine = 1, into?: DecodedBatch): DecodedBatch {
  const batch = into ?? { events: [], rejections: [] };
  let start = 0;
  let line = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const content = text.slice(start, end).trim();
    if (content !== '') decodeRecordText(content, { source: where.source, location: where.location, index: line }, batch, 'line');
    start = end + 1;
    line++;
  }
  return batch;
}
