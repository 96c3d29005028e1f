import { formatConfigPath, type ConfigPath } from './config-path.ts';

/**
 * One problem in a config: where it is (file, YAML path, line and column of
 * the offending node) and what is wrong. Errors and warnings share this shape.
 *
 * `line` and `column` are 1-based, and `undefined` when the config did not
 * come from text (see `resolveConfigObject`). Messages never contain secrets.
 */
export interface ConfigIssue {
  readonly file: string | undefined;
  readonly path: ConfigPath;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly message: string;
}

/**
 * Formats an issue as one line, `file:line:col: path: message`, leaving out
 * the parts that are unknown.
 *
 * @example formatConfigIssue(issue) // 'jackwatch.yaml:12:5: sources.s3/prod.bukcet: unknown key "bukcet"; did you mean "bucket"?'
 */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where = [issue.file ?? (issue.line === undefined ? undefined : '<config>'), issue.line, issue.column]
    .filter((part) => part !== undefined)
    .join(':');
  const path = formatConfigPath(issue.path);
  return [where, path, issue.message].filter((part) => part !== '').join(': ');
}

/** Orders issues by file position; issues without a line keep their order after those with one. */
export function compareConfigIssues(a: ConfigIssue, b: ConfigIssue): number {
  const lineA = a.line ?? Number.POSITIVE_INFINITY;
  const lineB = b.line ?? Number.POSITIVE_INFINITY;
  if (lineA !== lineB) return lineA - lineB;
  return (a.column ?? 0) - (b.column ?? 0);
}
