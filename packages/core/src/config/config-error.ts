import { compareConfigIssues, formatConfigIssue, type ConfigIssue } from './config-issue.ts';

/**
 * Thrown when a config cannot be loaded: carries every issue found, not just
 * the first, sorted by position. The message has one issue per line, as
 * `file:line:col: path: message`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Every problem found, in file order. */
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const sorted = [...issues].sort(compareConfigIssues);
    super(sorted.length === 0 ? 'invalid config' : sorted.map(formatConfigIssue).join('\n'));
    this.issues = sorted;
  }
}
