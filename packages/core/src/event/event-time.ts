// CloudTrail writes `2024-10-17T20:11:24Z`; published samples also show seven
// fractional digits (`…49.0000000Z`) and Panther's `2025-01-21 17:49:47.000000000`.
const EVENT_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a CloudTrail `eventTime` to epoch milliseconds, or `undefined` when
 * it is not a timestamp. A time without zone is UTC, as CloudTrail's are.
 */
export function parseEventTime(text: string): number | undefined {
  const m = EVENT_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const millis = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isNaN(time) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60
    ? undefined
    : time;
}
