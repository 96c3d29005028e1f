import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from `seed`: the same seed always gives the same
 * id, like a replayed CloudTrail `eventID`.
 *
 * @example uuidFromSeed('rule-a#1') // 'a3f1…-…-4…-8…-…'
 */
export function uuidFromSeed(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * An access key id with `prefix` (`AKIA` long-term, `ASIA` temporary) and 16
 * characters derived from `seed`, shaped like a real one.
 */
export function accessKeyIdFromSeed(prefix: 'AKIA' | 'ASIA', seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  let key = prefix;
  for (let i = 0; i < 16; i++) key += KEY_ALPHABET[bytes[i]! & 31];
  return key;
}

/** A unique IAM id (`AIDA…`, `AROA…`) derived from `seed`. */
export function principalIdFromSeed(prefix: 'AIDA' | 'AROA', seed: string): string {
  return accessKeyIdFromSeed('AKIA', seed).replace('AKIA', prefix);
}

/**
 * A small, fast, seeded pseudo-random generator (mulberry32) returning
 * numbers in `[0, 1)`: reproducible arrival orders for tests.
 */
export function seededRandom(seed: number | string): () => number {
  let state = typeof seed === 'number' ? seed >>> 0 : createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
