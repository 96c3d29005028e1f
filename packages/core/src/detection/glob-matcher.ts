import picomatch from 'picomatch';

/** Tests one string against compiled glob patterns. */
export type GlobMatcher = (value: string) => boolean;

/**
 * Compiles glob patterns (picomatch) into one case-insensitive matcher that
 * holds when any pattern matches. `*` matches any run of characters,
 * **including `/`** — so `arn:aws:iam::*:role/*admin*` also matches a role
 * under a path and `Boto3/*` a whole user agent — `?` one character other
 * than `/`, and `[…]`, `{a,b}` work as usual. Case-insensitive because IAM
 * names are, and because SIEM wildcards usually are.
 *
 * @example
 * ```ts
 * const isAdmin = globMatcher(['arn:*:iam::*:user/*admin*']);
 * isAdmin('arn:aws:iam::123456789012:user/SecAdmin'); // true
 * ```
 */
export function globMatcher(patterns: string | readonly string[]): GlobMatcher {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  if (list.length === 0) return () => false;
  const tests = list.map((pattern) => picomatch(pattern, { bash: true, dot: true, nocase: true }));
  if (tests.length === 1) return tests[0]!;
  return (value) => {
    for (const test of tests) if (test(value)) return true;
    return false;
  };
}
