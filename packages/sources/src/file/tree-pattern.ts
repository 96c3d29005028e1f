import { globPatternProblem } from '@jackwatch/core';

/**
 * An `include` or `exclude` pattern as matched below a directory: one
 * without `/` matches a file's name at any depth (`*.json.gz` is
 * `**` + `/*.json.gz`); one with `/` matches the path relative to the
 * `paths` entry (`CloudTrail/us-east-1/**`).
 */
export function toTreePattern(pattern: string): string {
  return pattern.includes('/') ? pattern : `**/${pattern}`;
}

/** Why an `include` or `exclude` pattern cannot be used (see `globPatternProblem`), or `undefined`. */
export function treePatternProblem(pattern: string): string | undefined {
  const problem = globPatternProblem(toTreePattern(pattern));
  if (problem === undefined || pattern.includes('/')) return problem;
  return `${problem} (counting the "**/" a pattern without "/" is matched with)`;
}
