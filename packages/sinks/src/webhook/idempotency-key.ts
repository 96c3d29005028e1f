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
  if (findings.length === 1) return headerSafeId((findings[0] as Finding).id);
  const hash = createHash('sha256');
  for (const finding of findings) hash.update(typeof finding.id === 'string' ? finding.id : describe(finding.id)).update(',');
  return `batch-${hash.digest('hex').slice(0, 32)}`;
}

/** Longest finding id written into a header; jackwatch's own ids have 32 characters. */
const MAX_HEADER_ID_LENGTH = 256;

/**
 * A finding id as it may appear in a header: jackwatch's ids (hex) as they
 * are; any other character a header cannot carry, and `,` and `%`, as `%XX`
 * UTF-8 escapes; cut at 256 characters. A third-party detector's odd id then
 * costs nothing but its own readability, never the batch's request.
 */
export function headerSafeId(id: unknown): string {
  const text = typeof id === 'string' ? id : describe(id);
  const safe = /^[\x21-\x24\x26-\x2b\x2d-\x7e]*$/.test(text)
    ? text
    : [...Buffer.from(text, 'utf8')].map((byte) => (byte > 0x20 && byte < 0x7f && byte !== 0x25 && byte !== 0x2c ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return safe.length > MAX_HEADER_ID_LENGTH ? safe.slice(0, MAX_HEADER_ID_LENGTH) : safe;
}

function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}
