import { compileGlobRun } from './path-glob-automaton.ts';
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
 * is run segment by segment over the path (see `compileGlobRun`), in time
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
  const compiled = list.flatMap(compilePathGlob).map((glob) => ({ ...glob, run: compileGlobRun(glob) }));
  const someReaches = (directory: string, reaches: (parts: PathGlob['parts'], reached: Uint8Array) => boolean): boolean => {
    const names = pathNames(directory);
    for (const glob of compiled) {
      const reached = glob.run(names);
      if (reached !== undefined && reaches(glob.parts, reached)) return true;
    }
    return false;
  };
  return {
    matches: (path) => {
      const last = lastName(path);
      let names: string[] | undefined;
      for (const glob of compiled) {
        if (!lastNameFits(glob, last)) continue;
        names ??= pathNames(path);
        if (glob.run(names)?.[glob.parts.length] === 1) return true;
      }
      return false;
    },
    mayMatchBelow: (directory) => someReaches(directory, (parts, reached) => reached.subarray(0, parts.length).includes(1)),
    matchesAllBelow: (directory) => someReaches(directory, (parts, reached) => parts[parts.length - 1] === GLOBSTAR && reached[parts.length - 1] === 1),
  };
}

// A cheap necessary condition for a whole match, checked before any run: a glob that ends in a name test needs
// the path's last name to pass it. Most paths fail most `**/*.ext` globs here.
function lastNameFits({ parts, tests }: PathGlob, last: string | undefined): boolean {
  const final = parts[parts.length - 1];
  if (final === undefined || final === GLOBSTAR) return true;
  return last !== undefined && tests[final]!(last);
}

function pathNames(path: string): string[] {
  const names = path.split('/');
  return names.some(isIgnoredName) ? names.filter((name) => !isIgnoredName(name)) : names;
}

// The last of `pathNames(path)`, without splitting the whole path.
function lastName(path: string): string | undefined {
  let end = path.length;
  while (end > 0) {
    const start = path.lastIndexOf('/', end - 1) + 1;
    const name = path.slice(start, end);
    if (!isIgnoredName(name)) return name;
    end = start - 1;
  }
  return undefined;
}

function isIgnoredName(name: string): boolean {
  return name === '' || name === '.';
}
