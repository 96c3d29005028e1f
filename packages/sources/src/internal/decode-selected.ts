import { isRejection, normalizeRecord, unwrapRecord, type DecodedBatch, type InputLocation } from '@jackwatch/core/decode';
import type { InterestFilter } from './interest-filter.ts';
import { selectRecords } from './select-records.ts';

/**
 * Parses only the records of an inflated `{"Records":[…]}` document whose
 * bytes name an event source of `filter`, and keeps the events it matches;
 * `skipped` counts the records left unparsed. `undefined` when the document
 * cannot be split by record, or a picked record is not one JSON object (so
 * the split cannot be trusted): the caller decodes the document whole.
 */
export function decodeSelected(inflated: Buffer, where: InputLocation, filter: InterestFilter): { batch: DecodedBatch; skipped: number } | undefined {
  const selection = selectRecords(inflated, filter.needleBytes);
  if (selection === undefined) return undefined;
  const batch: DecodedBatch = { events: [], rejections: [] };
  for (const { index, text } of selection.records) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const result = normalizeRecord(unwrapRecord(value), { source: where.source, location: where.location, index });
    if (isRejection(result)) batch.rejections.push(result);
    else if (filter.matches(result.source, result.action)) batch.events.push(result);
  }
  return { batch, skipped: selection.total - selection.records.length };
}
