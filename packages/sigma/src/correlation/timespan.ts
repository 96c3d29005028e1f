// pySigma's units: the specification's s, m, h and d, and w, M (a mean Gregorian month) and y (a mean Gregorian year).
const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_629_746_000, y: 31_556_952_000 };

/**
 * A Sigma `timespan` (`30s`, `15m`, `1h`, `7d`, `2w`, `1M`, `1y`) in
 * milliseconds, or `undefined` when it is not a positive whole number followed
 * by one of those units (`m` is minutes, `M` months: the unit is case-sensitive).
 */
export function parseTimespan(text: string): number | undefined {
  const found = /^(\d{1,9})([smhdwMy])$/.exec(text.trim());
  if (found === null) return undefined;
  const value = Number(found[1]) * UNITS[found[2]!]!;
  return value > 0 ? value : undefined;
}
