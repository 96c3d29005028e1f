import { createHash } from 'node:crypto';

/** Keys up to this many characters are kept as they are; the digest is as long. */
const KEPT_LENGTH = 22;

/**
 * A detector's state key of bounded size: `key` itself when it is at most 22
 * characters, else a 128-bit SHA-256 digest of it written as 22 characters of
 * their own (base64url). Group fields — a Boto3 user agent alone is about 80
 * characters — would make each live group's key several hundred bytes; under
 * a key-spraying attack there is one per key. A slice of the whole digest's
 * text would keep that text alive too, so the 22 characters are a string of
 * their own. Collisions are as unlikely as for any 128-bit hash.
 *
 * @example compactStateKey(`${accessKeyId}\u0000${userAgent}`) // 'Yq3u…' (22 characters)
 */
export function compactStateKey(key: string): string {
  return key.length <= KEPT_LENGTH ? key : createHash('sha256').update(key).digest().toString('base64url', 0, 16);
}
