import { describe, expect, it } from 'vitest';
import { durationSchema, formatDuration, parseDuration } from './duration.ts';

const message = (input: unknown) => durationSchema.safeParse(input).error?.issues[0]?.message;

describe('durationSchema', () => {
  it('reads every unit, zero and fractions included, into milliseconds', () => {
    expect(['500ms', '30s', '15m', '1h', '7d', '0s', '1.5s', ' 2m '].map((text) => durationSchema.parse(text))).toEqual([
      500, 30_000, 900_000, 3_600_000, 604_800_000, 0, 1500, 120_000,
    ]);
  });

  it('refuses a bare number, written or quoted, asking for a unit instead of guessing milliseconds', () => {
    expect(message(15)).toBe('15 has no unit; write it with one, like 15s, 15m or 15h (ms and d work too)');
    expect(message(90.5)).toBe('90.5 has no unit; write it with one, like 90.5s, 90.5m or 90.5h (ms and d work too)');
    expect(message('90')).toBe('90 has no unit; write it with one, like 90s, 90m or 90h (ms and d work too)');
    expect(message(0)).toBe('a duration needs a unit: write 0s, not 0');
    expect(message('0')).toBe('a duration needs a unit: write 0s, not 0');
  });

  it('refuses other text, saying how to write a duration', () => {
    expect(message('15 minutes')).toBe('"15 minutes" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d');
    expect(message('-5m')).toBe('"-5m" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d');
  });

  it('parses and formats symmetrically', () => {
    expect(parseDuration('15')).toBeUndefined();
    expect([900_000, 86_400_000, 1500].map(formatDuration)).toEqual(['15m', '1d', '1500ms']);
  });
});
