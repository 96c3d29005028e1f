import { type EventOrigin, normalizeRecord, type Rejection, type TrailEvent } from '@jackwatch/core';
import { bytesOverLimit, oversizedRejection, unwrapRecord } from '@jackwatch/core/decode';

/**
 * Decodes one CloudWatch Logs message, which holds one CloudTrail record (or
 * an EventBridge envelope of one). Anything else — another writer's lines in
 * the same group — comes back as a {@link Rejection} with its origin, and so
 * does a message larger than `maxRecordSize` bytes, unparsed, with its size
 * and the limit. Never throws.
 */
export function decodeLogEvent(message: string, origin: EventOrigin, maxRecordSize: number): TrailEvent | Rejection {
  const oversized = bytesOverLimit(message, maxRecordSize);
  if (oversized !== undefined) return oversizedRejection(oversized, maxRecordSize, origin, 'log event');
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch (error) {
    return { reason: 'malformed-json', message: `log event is not JSON: ${(error as Error).message}`, origin };
  }
  return normalizeRecord(unwrapRecord(value), origin);
}
