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

  it('agrees with Date.parse on every plain CloudTrail time, across day changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const text = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
        expect(parseEventTime(text)).toBe(Date.parse(text));
      }),
    );
  });
});
