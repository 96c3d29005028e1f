import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoTime } from './iso-time.ts';

const MAX_TIME = 8.64e15;

describe('formatIsoTime', () => {
  it('writes what Date#toISOString writes, whatever the order of the times it is given', () => {
    // Times near each other (same second, neighbouring seconds) exercise the cache; the rest its misses.
    const near = fc.tuple(fc.integer({ min: -2e12, max: 4e12 }), fc.array(fc.integer({ min: -2500, max: 2500 }), { maxLength: 20 }))
      .map(([base, steps]) => steps.map((step) => base + step));
    const anywhere = fc.array(fc.integer({ min: -MAX_TIME, max: MAX_TIME }), { maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(near, anywhere), (times) => {
        for (const time of times) expect(formatIsoTime(time)).toBe(new Date(time).toISOString());
      }),
    );
  });

  it('formats fractional milliseconds, years past 9999 and before 0 as Date does', () => {
    for (const time of [1.5, -1.5, 1_700_000_000_123.9, 253402300800000, -62198755200001, -1, 0]) {
      expect(formatIsoTime(time)).toBe(new Date(time).toISOString());
    }
  });

  it('throws RangeError for a time Date cannot hold, and still formats the next one', () => {
    expect(() => formatIsoTime(MAX_TIME + 1)).toThrow(RangeError);
    expect(() => formatIsoTime(Number.NaN)).toThrow(RangeError);
    expect(formatIsoTime(1_700_000_000_000)).toBe('2023-11-14T22:13:20.000Z');
  });
});
