import { pathGlobMatcher } from '@jackwatch/core';

/** Which entries below a directory are read: files by their path relative to it, directories by whether they can hold such files. */
export interface TreeMatcher {
  /** True when the file at `relative` (`/`-separated, below the directory) is read. */
  matches(relative: string): boolean;
  /** False when no file below the directory at `relative` can be read: it is not walked. */
  mayContain(relative: string): boolean;
}

/**
 * Matches paths against `patterns` minus `ignore` — path globs (see
 * `pathGlobMatcher`), case-sensitive, dot files left out — in time linear
 * in the path's length. A directory is walked only when some pattern's
 * leading segments can match it and no `ignore` pattern takes it whole
 * (matches it and ends in `/**`, as the default digest and Insights
 * exclusions do), so a glob's fixed and wildcard segments bound the walk to
 * the directories it can match.
 *
 * @throws {RangeError} for a pattern past `GLOB_LIMITS`.
 */
export function treeMatcher(patterns: readonly string[], ignore: readonly string[]): TreeMatcher {
  const included = pathGlobMatcher(patterns);
  const ignored = pathGlobMatcher(ignore);
  return {
    matches: (relative) => included.matches(relative) && !ignored.matches(relative),
    mayContain: (relative) => included.mayMatchBelow(relative) && !ignored.matchesAllBelow(relative),
  };
}
