import { describe, expect, it } from 'vitest';
import { parseTimespan } from './timespan.ts';

// Conformance of `timespan`: the specification's units, and those pySigma adds.
describe('timespan', () => {
  it('spec "number + letter": s, m, h and d', () => {
    expect([parseTimespan('30s'), parseTimespan('15m'), parseTimespan('1h'), parseTimespan('2d')]).toEqual([30_000, 900_000, 3_600_000, 172_800_000]);
  });

  it('pySigma units beyond the specification: w, M (a mean month, 2,629,746 s) and y (a mean year, 31,556,952 s); m is minutes, M months', () => {
    expect(parseTimespan('1w')).toBe(604_800_000);
    expect(parseTimespan('1M')).toBe(2_629_746_000);
    expect(parseTimespan('1y')).toBe(31_556_952_000);
    expect(parseTimespan('1m')).toBe(60_000);
  });

  it('refuses anything else: no unit, an unknown or upper-case unit, zero, a fraction, words', () => {
    for (const text of ['10', '1H', '1D', '0m', '1.5h', '90 minutes', '', 'm']) expect(parseTimespan(text), text).toBeUndefined();
  });
});
