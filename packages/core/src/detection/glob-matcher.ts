import { compileGlobPattern } from './glob-pattern.ts';
import { compileWildcard } from './wildcard-match.ts';

/** Tests one string against compiled glob patterns. */
export type GlobMatcher = (value: string) => boolean;

/**
 * Compiles glob patterns into one case-insensitive matcher that holds when
 * any pattern matches. `*` matches any run of characters, **including
 * `/`** — so `arn:aws:iam::*:role/*admin*` also matches a role under a path
 * and `Boto3/*` a whole user agent — `?` one character other than `/`,
 * `[abc]`, `[a-z]` and `[!a-z]` one character of (or outside) a class,
 * `{a,b}` either alternative, and `\` makes the next character literal.
 * Case-insensitive because IAM names are, and because SIEM wildcards
 * usually are.
 *
 * Matching never uses a regular expression and never backtracks: it takes
 * time linear in the value's length (see `compileWildcard`), so a record
 * cannot stall it with a huge field.
 *
 * @throws {RangeError} for a pattern past `GLOB_LIMITS` (see `globPatternProblem`).
 * @example
 * ```ts
 * const isAdmin = globMatcher(['arn:*:iam::*:user/*admin*']);
 * isAdmin('arn:aws:iam::123456789012:user/SecAdmin'); // true
 * ```
 */
export function globMatcher(patterns: string | readonly string[]): GlobMatcher {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const tests = list.flatMap(compileGlobPattern).map(compileWildcard);
  if (tests.length === 0) return () => false;
  return (value) => {
    const text = value.toLowerCase();
    for (const test of tests) if (test(text)) return true;
    return false;
  };
}
