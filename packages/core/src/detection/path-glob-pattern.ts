import { expandBraces } from './expand-braces.ts';
import { GLOB_LIMITS, globPatternProblem, splitAtStars } from './glob-pattern.ts';
import { segmentBounds } from './path-segments.ts';
import { compileWildcard } from './wildcard-match.ts';

const DOT = 0x2e;

/** In {@link PathGlob.parts}: `**` as a whole segment, zero or more path segments, none of them a dot name. */
export const GLOBSTAR = -1;

/** Whether one path segment (a file or directory name, without `/`) matches one glob segment. */
export type SegmentTest = (name: string) => boolean;

/** One brace alternative of a path glob, compiled. */
export interface PathGlob {
  /** Per glob segment: {@link GLOBSTAR}, or the index in `tests` of the test its names must pass. */
  readonly parts: readonly number[];
  /** The distinct segment tests: segments written alike share one, so a name is tested once against each. */
  readonly tests: readonly SegmentTest[];
}

/**
 * Compiles a path glob into its brace alternatives. Braces are expanded
 * first, so an alternative may hold `/` (`{a,b/c}/*.json`); then each
 * alternative is split at `/`. Empty and `.` segments are dropped (`./a//b`
 * is `a/b`), and `**` repeated is one `**`. A segment other than `**` is
 * matched case-sensitively against a whole name by core's wildcard
 * machinery (`*`, `?`, classes, `\` escapes), and a name starting with `.`
 * only by a segment that starts with a literal `.`.
 *
 * @throws {RangeError} when {@link globPatternProblem} finds a problem.
 */
export function compilePathGlob(pattern: string): PathGlob[] {
  const problem = globPatternProblem(pattern);
  if (problem !== undefined) throw new RangeError(`glob "${pattern.slice(0, 80)}": ${problem}`);
  return (expandBraces(pattern, GLOB_LIMITS.maxAlternatives) ?? []).map(compileAlternative);
}

function compileAlternative(alternative: string): PathGlob {
  const parts: number[] = [];
  const indexes = new Map<string, number>();
  const tests: SegmentTest[] = [];
  for (const { start, end } of segmentBounds(alternative)) {
    const segment = alternative.slice(start, end);
    if (segment === '' || segment === '.') continue;
    if (segment === '**') {
      if (parts[parts.length - 1] !== GLOBSTAR) parts.push(GLOBSTAR);
      continue;
    }
    let index = indexes.get(segment);
    if (index === undefined) {
      index = tests.push(segmentTest(segment)) - 1;
      indexes.set(segment, index);
    }
    parts.push(index);
  }
  return { parts, tests };
}

function segmentTest(segment: string): SegmentTest {
  const wildcard = splitAtStars(segment);
  const test = compileWildcard(wildcard);
  if (wildcard.first.tokens[0] === DOT) return test;
  return (name) => name.charCodeAt(0) !== DOT && test(name);
}
