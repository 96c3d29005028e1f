/** The parts of a timestamp the time modifiers extract. */
export const TIME_PARTS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
/** One of {@link TIME_PARTS}. */
export type TimePart = (typeof TIME_PARTS)[number];

// An ISO 8601 date, optionally with a time (`T` or a space) and a zone; CloudTrail writes `2026-03-02T10:00:00Z`.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The `part` of a timestamp written as text, as written: the specification's
 * time modifiers do not convert time zones, so `10:00+02:00` is hour 10.
 * Minute 0–59, hour 0–23, day of the month 1–31, ISO week 1–53, month 1–12,
 * year. `undefined` for text that is not such a timestamp (or not a real date).
 */
export function timePartOf(text: string, part: TimePart): number | undefined {
  const found = TIMESTAMP.exec(text);
  if (found === null) return undefined;
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const hour = found[4] === undefined ? 0 : Number(found[4]);
  const minute = found[5] === undefined ? 0 : Number(found[5]);
  if (hour > 23 || minute > 59) return undefined;
  switch (part) {
    case 'minute':
      return minute;
    case 'hour':
      return hour;
    case 'day':
      return day;
    case 'month':
      return month;
    case 'year':
      return year;
    case 'week':
      return isoWeek(date);
  }
}

// ISO 8601 week number: weeks start on Monday, and week 1 holds the year's first Thursday.
function isoWeek(date: Date): number {
  const thursday = new Date(date);
  thursday.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
