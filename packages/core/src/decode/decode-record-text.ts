import { isRejection, normalizeRecord } from '../event/normalize.ts';
import type { EventOrigin } from '../event/trail-event.ts';
import type { DecodedBatch } from './decoded-batch.ts';
import { unwrapRecord } from './unwrap-record.ts';

/**
 * Parses the text of one record (an NDJSON line, an element split from a
 * `Records` array) and appends the event, or the reason it is not one, to
 * `into`. Never throws. `unit` names the text in a rejection (`line is not JSON`).
 */
export function decodeRecordText(text: string, origin: EventOrigin, into: DecodedBatch, unit: 'record' | 'line' = 'record'): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    into.rejections.push({ reason: 'malformed-json', message: `${unit} is not JSON: ${(error as Error).message}`, origin });
    return;
  }
  const result = normalizeRecord(unwrapRecord(value), origin);
  if (isRejection(result)) into.rejections.push(result);
  else into.events.push(result);
}
