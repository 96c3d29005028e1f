import { createHash } from 'node:crypto';
import type { Finding } from '@jackwatch/core';

/** Header carrying the batch's idempotency key. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Header listing the batch's finding ids, comma-separated, in body order. */
export const FINDING_IDS_HEADER = 'X-Jackwatch-Finding-Ids';

/**
 * A key that is the same for every attempt and every redelivery of the same
 * batch: the finding id itself for a batch of one, else `batch-` and a hash
 * of the ids in order. Finding ids are deterministic, so receivers can
 * deduplicate by this key or, per finding, by the ids in the body.
 */
export function batchIdempotencyKey(findings: readonly Finding[]): string {
  if (findings.length === 1) return (findings[0] as Finding).id;
  const hash = createHash('sha256');
  for (const finding of findings) hash.update(finding.id).update(',');
  return `batch-${hash.digest('hex').slice(0, 32)}`;
}
