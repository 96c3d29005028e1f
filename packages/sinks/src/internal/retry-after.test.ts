import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-14T02:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 14 Mar 2026 02:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(['7'], now)).toBe(7000);
  });

  it('treats a past date as now and garbage as absent', () => {
    expect(parseRetryAfter('Sat, 14 Mar 2026 01:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
