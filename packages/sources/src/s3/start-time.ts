import { parseDuration } from '@jackwatch/core';
import { parseEventTime } from '@jackwatch/core/decode';

/** Where a first run without checkpoint starts: an absolute instant, or a span before "now". */
export type StartTime = { readonly at: number } | { readonly ago: number };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses the `startTime` option: an ISO date (`2026-10-01`, UTC midnight), an
 * ISO timestamp (`2026-10-01T12:00:00Z`), or a duration meaning "that long
 * before the start of the run" (`1h`, `7d`). Returns `undefined` when invalid.
 */
export function parseStartTime(text: string): StartTime | undefined {
  const trimmed = text.trim();
  const ago = parseDuration(trimmed);
  if (ago !== undefined) return { ago };
  const at = parseEventTime(DATE_ONLY.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return at === undefined ? undefined : { at };
}

/** The instant a {@link StartTime} denotes when the run starts at `now`. */
export function resolveStartTime(start: StartTime, now: number): number {
  return 'at' in start ? start.at : now - start.ago;
}
