import { createHash } from 'node:crypto';

/**
 * The deterministic id of a finding: the same detector and anchoring event
 * always give the same id, across replays, restarts and redeliveries.
 *
 * @example findingId('aws-bedrock-logging-deletion', '3a1c…') // 'f3b2…' (32 hex chars)
 */
export function findingId(detectorId: string, anchorEventId: string): string {
  return createHash('sha256').update(detectorId).update('\u0000').update(anchorEventId).digest('hex').slice(0, 32);
}
