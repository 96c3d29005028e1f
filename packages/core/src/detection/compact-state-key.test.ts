import { describe, expect, it } from 'vitest';
import { compactStateKey } from './compact-state-key.ts';

describe('compactStateKey', () => {
  it('keeps a short key as it is and digests a long one into 22 characters of its own', () => {
    expect(compactStateKey('AKIAEXAMPLE')).toBe('AKIAEXAMPLE');
    expect(compactStateKey('x'.repeat(22))).toBe('x'.repeat(22));
    const long = `AKIAEXAMPLE\u0000Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.15 lang/python#3.11.4`;
    const key = compactStateKey(long);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(compactStateKey(long)).toBe(key);
    expect(compactStateKey(`${long}!`)).not.toBe(key);
    // A long key never collides with a short one kept as it is: digests are exactly 22 characters, so one could only
    // equal a kept key of 22 characters, as likely as any 128-bit collision.
    expect(compactStateKey('y'.repeat(23))).toHaveLength(22);
  });
});
