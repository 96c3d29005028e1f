import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool.ts';

describe('StringPool', () => {
  it('gives back an equal string and never holds more than its capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), fc.integer({ min: 1, max: 16 }), (values, capacity) => {
        const pool = new StringPool(capacity);
        for (const value of values) {
          expect(pool.intern(value)).toBe(value);
          expect(pool.size).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });

  it('holds each distinct string once', () => {
    const pool = new StringPool(8);
    for (const value of ['us-east-1', 'us-east-1', 'eu-west-1', 'us-east-1']) pool.intern(value);
    expect(pool.size).toBe(2);
  });

  it('never takes a string longer than 1,024 characters, so what it holds stays small in bytes', () => {
    const pool = new StringPool(8);
    expect(pool.intern('x'.repeat(100_000))).toBe('x'.repeat(100_000));
    expect(pool.size).toBe(0);
    pool.intern('y'.repeat(1024));
    expect(pool.size).toBe(1);
  });
});
