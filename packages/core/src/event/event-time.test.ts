import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseEventTime } from './event-time.ts';

describe('parseEventTime', () => {
  it('reads the forms CloudTrail, published samples and Panther use', () => {
    const t = Date.UTC(2024, 6, 8, 17, 6, 49);
    expect(parseEventTime('2024-07-08T17:06:49Z')).toBe(t);
    expect(parseEventTime('2024-07-08T17:06:49.0000000Z')).toBe(t);
    expect(parseEventTime('2024-07-08 17:06:49.000000000')).toBe(t);
    expect(parseEventTime('2024-07-08T19:06:49+02:00')).toBe(t);
  });

  it('rejects what is not a timestamp', () => {
    for (const bad of ['redacted', '...', '2024-07-08T25:06:49Z', '2024-13-08T17:06:49Z', '2024-07-08T17:6:49Z', '2024-07-08T17:06:4xZ', '']) {
      expect(parseEventTime(bad), bad).toBeUndefined();
    }
  });

  it('refuses dates that do not exist and zone offsets out of range, instead of rolling them over', () => {
    for (const bad of ['2024-02-30T00:00:00Z', '2023-02-29T12:00:00Z', '2024-04-31T00:00:00Z', '2024-00-10T00:00:00Z', '2024-07-00T00:00:00Z',
      '2024-07-08T17:06:49+99:99', '2024-07-08T17:06:49-24:00', '2024-07-08T17:06:49+05:60', '2024-02-30 00:00:00']) {
      expect(parseEventTime(bad), bad).toBeUndefined();
    }
    expect(parseEventTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseEventTime('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseEventTime('1900-02-29T00:00:00Z')).toBeUndefined();
    expect(parseEventTime('2024-07-09T07:06:49+14:00')).toBe(Date.UTC(2024, 6, 8, 17, 6, 49));
    expect(parseEventTime('2024-07-08T05:36:49-11:30')).toBe(Date.UTC(2024, 6, 8, 17, 6, 49));
  });

  it('reads years 0000–0099 as written, not as 1900–1999', () => {
    expect(parseEventTime('0000-01-01T00:00:00Z')).toBe(Date.parse('0000-01-01T00:00:00Z'));
    expect(parseEventTime('0099-12-31T23:59:59Z')).toBe(Date.parse('0099-12-31T23:59:59Z'));
    expect(parseEventTime('0050-06-15 10:00:00')).toBe(Date.parse('0050-06-15T10:00:00Z'));
  });

  it('agrees with Date.parse on every plain CloudTrail time, across day changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const text = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
        expect(parseEventTime(text)).toBe(Date.parse(text));
      }),
    );
  });
});
