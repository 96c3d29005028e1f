import { parseDuration } from '@jackwatch/core';
import { parseEventTime } from '@jackwatch/core/decode';

/** Where a first run without checkpoint starts: an absolute instant, or a span before "now". */
export type StartTime = { readonly at: number } | { readonly ago: number };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses the `startTime` option: a span back from the start of the run
 * (`-1h`, `-7d`; the minus sign may be left out), an ISO date (`2026-10-01`,
 * UTC midnight), an ISO timestamp (`2026-10-01T12:00:00Z`), or epoch
 * milliseconds. Returns `undefined` when it is none of these.
 */
export function parseStartTime(value: string | number): StartTime | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? { at: value } : undefined;
  const trimmed = value.trim();
  const ago = parseDuration(trimmed.startsWith('-') ? trimmed.slice(1) : trimmed);
  if (ago !== undefined) return { ago };
  const at = parseEventTime(DATE_ONLY.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return at === undefined ? undefined : { at };
}

/** The instant a {@link StartTime} denotes for a run that starts at `now`. */
export function resolveStartTime(start: StartTime, now: number): number {
  return 'at' in start ? start.at : now - start.ago;
}
