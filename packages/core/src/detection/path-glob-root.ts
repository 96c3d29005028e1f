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
 * Anything else is literal: an unclosed `[`, a `{` without a comma. Takes
 * time linear in the path's length, whatever it holds.
 *
 * @returns `undefined` when the path holds no glob syntax: it names one
 *   file or directory as written.
 * @example splitGlobRoot('/var/log/{trail,backup}/**') // { base: '/var/log', pattern: '{trail,backup}/**' }
 */
export function splitGlobRoot(path: string): GlobRoot | undefined {
  const braceOpen = firstBraceGroupOpen(path);
  const first = segmentBounds(path).find(({ start, end }) => end >= braceOpen || holdsWildcard(path.slice(start, end)));
  if (first === undefined) return undefined;
  const base = first.start === 0 ? '.' : path.slice(0, first.start - 1) || '/';
  return { base, pattern: path.slice(first.start) };
}

// A star, a `?`, an escape, or a class that closes, as `splitAtStars` reads them. Without an escape, the first
// `[` closes when a `]` follows past its first member (and its `!` or `^`), and no later `[` can close sooner.
function holdsWildcard(segment: string): boolean {
  if (/[*?\\]/.test(segment)) return true;
  const open = segment.indexOf('[');
  if (open < 0) return false;
  const firstMember = segment[open + 1] === '!' || segment[open + 1] === '^' ? open + 2 : open + 1;
  return segment.lastIndexOf(']') > firstMember;
}

// Where the first `{…}` group with a top-level comma opens — the first group `expandBraces` expands — or
// infinity. One pass with a stack of open braces, where trying each `{` in turn would be quadratic.
function firstBraceGroupOpen(text: string): number {
  const opens: { at: number; comma: boolean }[] = [];
  let first = Number.POSITIVE_INFINITY;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '{') opens.push({ at: index, comma: false });
    else if (char === ',' && opens.length > 0) opens[opens.length - 1]!.comma = true;
    else if (char === '}' && opens.length > 0) {
      const group = opens.pop()!;
      if (group.comma) first = Math.min(first, group.at);
    }
  }
  return first;
}
