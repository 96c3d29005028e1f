// CloudTrail writes `2024-10-17T20:11:24Z`; published samples also show seven
// fractional digits (`…49.0000000Z`) and Panther's `2025-01-21 17:49:47.000000000`.
const EVENT_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

// The hot path: nearly every record has the plain `YYYY-MM-DDTHH:MM:SSZ` form,
// and the records of one delivery file share a day. Parsing it from char codes
// with the day's midnight cached avoids a regex match and Date.UTC per event.
let cachedDay = '';
let cachedMidnight = 0;

/**
 * Parses a CloudTrail `eventTime` to epoch milliseconds, or `undefined` when
 * it is not a timestamp. A time without zone is UTC, as CloudTrail's are.
 * A date that does not exist (`2024-02-30`) or a zone offset past ±23:59 is
 * not a timestamp: it is refused, never rolled over into another time.
 */
export function parseEventTime(text: string): number | undefined {
  if (text.length === 20 && text.charCodeAt(10) === 0x54 && text.charCodeAt(19) === 0x5a) {
    const fast = parsePlain(text);
    if (fast !== undefined) return fast;
  }
  return parseAnyForm(text);
}

function parsePlain(text: string): number | undefined {
  const h = twoDigits(text, 11);
  const mi = twoDigits(text, 14);
  const s = twoDigits(text, 17);
  if (h > 23 || mi > 59 || s > 60 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  if (cachedDay === '' || !text.startsWith(cachedDay)) {
    const day = text.slice(0, 10);
    const midnight = parseAnyForm(`${day}T00:00:00Z`);
    if (midnight === undefined) return undefined;
    cachedDay = day;
    cachedMidnight = midnight;
  }
  return cachedMidnight + ((h * 60 + mi) * 60 + s) * 1000;
}

/** Two ASCII digits at `at` as a number; 99+ (rejected by every caller) when they are not digits. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 0x30;
  const b = text.charCodeAt(at + 1) - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : 99;
}

function parseAnyForm(text: string): number | undefined {
  const m = EVENT_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
    return undefined;
  }
  const offset = zone && zone !== 'Z' ? zoneOffsetMinutes(zone) : 0;
  if (offset === undefined) return undefined;
  const millis = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(Number(h), Number(mi), Number(s), millis);
  return date.getTime() - offset * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `+05:30` or `-0800` as signed minutes east of UTC; `undefined` past ±23:59. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
