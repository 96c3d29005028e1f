import { reachedPositions } from './path-glob-automaton.ts';
import { compilePathGlob, GLOBSTAR, type PathGlob } from './path-glob-pattern.ts';

/** Tests `/`-separated relative paths against compiled path globs (see {@link pathGlobMatcher}). */
export interface PathGlobMatcher {
  /** Whether some glob matches the whole path. */
  matches(path: string): boolean;
  /**
   * Whether some glob can match a path below the directory `directory`:
   * its leading segments match the directory's, and a segment is left for
   * what lies below. False means nothing below can match: the directory
   * need not be walked.
   */
  mayMatchBelow(directory: string): boolean;
  /**
   * Whether some glob matches the directory's segments and then ends in
   * `/**`, so that it matches every path below the directory whose names do
   * not start with `.` (and the directory itself).
   */
  matchesAllBelow(directory: string): boolean;
}

/**
 * Compiles file-path globs into one matcher that holds when any glob
 * matches. Unlike `globMatcher` (for values such as ARNs), path globs are
 * **case-sensitive** and know segments: `*` matches any run of characters
 * within one segment, `?` one character, `[abc]`, `[a-z]`, `[!a-z]` (or
 * `[^a-z]`) one character in (or outside) the class — none of them ever
 * matches `/`; `**` as a whole segment matches zero or more segments (`**`
 * inside a segment is `*`); `{a,b}` either alternative, and an alternative
 * may hold `/` (`{2024,2025/0[1-6]}/*.json`); `\` makes the next character
 * literal. Names starting with `.` are matched only by a segment that starts
 * with `.` (`**` and `*` leave dot files and dot directories out). Empty
 * and `.` segments are ignored, in globs and in paths.
 *
 * Matching never uses a regular expression and never backtracks: each glob
 * is run segment by segment over the path (see `reachedPositions`), in time
 * linear in the path's length, whatever the path holds.
 *
 * @throws {RangeError} for a glob past `GLOB_LIMITS` (see `globPatternProblem`).
 * @example
 * ```ts
 * const trail = pathGlobMatcher('AWSLogs/{111122223333,444455556666}/CloudTrail/**');
 * trail.matches('AWSLogs/111122223333/CloudTrail/us-east-1/x.json.gz'); // true
 * trail.mayMatchBelow('AWSLogs/999988887777'); // false: not walked
 * ```
 */
export function pathGlobMatcher(globs: string | readonly string[]): PathGlobMatcher {
  const list = typeof globs === 'string' ? [globs] : globs;
  const alternatives = list.flatMap(compilePathGlob);
  const someReaches = (path: string, reaches: (parts: PathGlob['parts'], reached: Uint8Array) => boolean): boolean => {
    const names = pathNames(path);
    for (const glob of alternatives) {
      const reached = reachedPositions(glob, names);
      if (reached !== undefined && reaches(glob.parts, reached)) return true;
    }
    return false;
  };
  return {
    matches: (path) => someReaches(path, (parts, reached) => reached[parts.length] === 1),
    mayMatchBelow: (directory) => someReaches(directory, (parts, reached) => reached.subarray(0, parts.length).includes(1)),
    matchesAllBelow: (directory) =>
      someReaches(directory, (parts, reached) => parts[parts.length - 1] === GLOBSTAR && reached[parts.length - 1] === 1),
  };
}

function pathNames(path: string): string[] {
  return path.split('/').filter((name) => name !== '' && name !== '.');
}
