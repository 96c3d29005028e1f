import { firstGroup } from './expand-braces.ts';
import { splitAtStars } from './glob-pattern.ts';
import { segmentBounds } from './path-segments.ts';

/** A path glob split at its first segment holding glob syntax (see {@link splitGlobRoot}). */
export interface GlobRoot {
  /** The leading segments, as written: the directory every match lies below (`/` or `.` when there are none). */
  readonly base: string;
  /** The rest, to match against paths relative to `base`. */
  readonly pattern: string;
}

/**
 * Splits a `/`-separated path at its first segment that holds glob syntax
 * — a `*`, a `?`, a `[…]` class that closes, a `\` escape, or a `{a,b}`
 * group (which may span segments) — so that only `base` must be walked.
 * Anything else is literal: an unclosed `[`, a `{` without a comma.
 *
 * @returns `undefined` when the path holds no glob syntax: it names one
 *   file or directory as written.
 * @example splitGlobRoot('/var/log/{trail,backup}/**') // { base: '/var/log', pattern: '{trail,backup}/**' }
 */
export function splitGlobRoot(path: string): GlobRoot | undefined {
  const bounds = segmentBounds(path);
  const braceOpen = firstGroup(path)?.open ?? Number.POSITIVE_INFINITY;
  const first = bounds.find(({ start, end }) => end >= braceOpen || !isLiteral(path.slice(start, end)));
  if (first === undefined) return undefined;
  const base = first.start === 0 ? '.' : path.slice(0, first.start - 1) || '/';
  return { base, pattern: path.slice(first.start) };
}

// Whether a segment reads as its own text: no star, no `?` or class, no escape.
function isLiteral(segment: string): boolean {
  const wildcard = splitAtStars(segment);
  return wildcard.last === undefined && wildcard.first.literal === segment;
}
