import picomatch from 'picomatch';

/** Which entries below a directory are read: files by their path relative to it, directories by whether they can hold such files. */
export interface TreeMatcher {
  /** True when the file at `relative` (`/`-separated, below the directory) is read. */
  matches(relative: string): boolean;
  /** False when no file below the directory at `relative` can be read: it is not walked. */
  mayContain(relative: string): boolean;
}

const OPTIONS = { dot: false, posix: true } as const;

/**
 * Matches paths against `patterns` minus `ignore` (picomatch, dot files
 * left out). A directory is walked only when some pattern's leading
 * segments can match it and no `ignore` pattern takes it whole (the default
 * digest and Insights folders), so a glob's fixed and wildcard segments
 * bound the walk to the directories it can match.
 */
export function treeMatcher(patterns: readonly string[], ignore: readonly string[]): TreeMatcher {
  const included = picomatch([...patterns], OPTIONS);
  const ignored = ignore.length === 0 ? () => false : picomatch([...ignore], OPTIONS);
  const prefixes = patterns.map(prefixMatcher);
  return {
    matches: (relative) => included(relative) && !ignored(relative),
    mayContain: (relative) => !ignored(relative) && prefixes.some((canHold) => canHold(relative.split('/'))),
  };
}

// Whether a directory (its path segments) can hold a file `pattern` matches: each of its segments must match the
// pattern's segment at that depth, until a `**`; and the pattern needs a segment left for the file itself.
function prefixMatcher(pattern: string): (segments: readonly string[]) => boolean {
  if (slashInsideGroup(pattern)) return () => true; // `{a,b/c}` spans segments: walk everything, the full match decides
  const parts = pattern.split('/');
  const globstar = parts.indexOf('**');
  const segmentMatchers = parts.map((part) => picomatch(part, OPTIONS));
  return (segments) => {
    for (let i = 0; i < segments.length; i++) {
      if (globstar !== -1 && i >= globstar) return true;
      if (i >= parts.length - 1 || !segmentMatchers[i]!(segments[i]!)) return false;
    }
    return true;
  };
}

function slashInsideGroup(pattern: string): boolean {
  let depth = 0;
  for (const char of pattern) {
    if (char === '{' || char === '(') depth++;
    else if ((char === '}' || char === ')') && depth > 0) depth--;
    else if (char === '/' && depth > 0) return true;
  }
  return false;
}
