import { isRejection, normalizeRecord, oversizedRejection, unwrapRecord, type DecodedBatch, type InputLocation } from '@jackwatch/core/decode';
import type { InterestFilter } from './interest-filter.ts';
import { selectRecords } from './select-records.ts';

/**
 * Parses only the records of an inflated `{"Records":[…]}` document whose
 * bytes name an event source of `filter`, and keeps the events it matches;
 * `skipped` counts the records left unparsed. A record larger than
 * `maxRecordSize` is rejected, unparsed, whether it names one or not.
 * `undefined` when the document cannot be split by record, a picked
 * record is not one JSON object (so the split cannot be trusted), or the
 * filter has no needles (bytes cannot tell): the caller decodes the
 * document whole.
 */
export function decodeSelected(inflated: Buffer, where: InputLocation, filter: InterestFilter, maxRecordSize: number): { batch: DecodedBatch; skipped: number } | undefined {
  if (filter.needleBytes === undefined) return undefined;
  const selection = selectRecords(inflated, filter.needleBytes, maxRecordSize);
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
  if (selection.oversized.length > 0) {
    for (const { index, bytes } of selection.oversized) {
      batch.rejections.push(oversizedRejection(bytes, maxRecordSize, { source: where.source, location: where.location, index }));
    }
    batch.rejections.sort((a, b) => Number(a.origin.index) - Number(b.origin.index));
  }
  return { batch, skipped: selection.total - selection.records.length - selection.oversized.length };
}
