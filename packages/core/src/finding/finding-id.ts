import { hash } from 'node:crypto';

/**
 * The deterministic id of a finding: the same detector and anchoring event
 * always give the same id, across replays, restarts and redeliveries.
 *
 * @example findingId('aws-bedrock-logging-deletion', '3a1c…') // 'f3b2…' (32 hex chars)
 */
export function findingId(detectorId: string, anchorEventId: string): string {
  // The one-shot hash: no Hash object per finding, the same bytes as hashing the parts in turn.
  return hash('sha256', `${detectorId}\u0000${anchorEventId}`, 'hex').slice(0, 32);
}
