import { ConfigError } from './config-error.ts';
import { compareConfigIssues, type ConfigIssue } from './config-issue.ts';
import type { ConfigPath } from './config-path.ts';
import type { ParsedConfigDocument } from './parsed-config-document.ts';

/** What an issue needs from the document: where it is and what to mask. */
export type IssueOrigin = Pick<ParsedConfigDocument, 'file' | 'locate' | 'secrets'>;

/** Errors (and, apart, warnings) kept one by one; the rest are only counted, so a huge bad config costs no more. */
export const MAX_LISTED_ISSUES = 100;

/**
 * Collects the errors and warnings of one validation run, placing each at
 * its line and column and scrubbing secrets from its message. The first
 * {@link MAX_LISTED_ISSUES} of each are kept; the rest are counted and
 * reported as one line.
 */
export class IssueCollector {
  readonly #origin: IssueOrigin;
  readonly #errors: ConfigIssue[] = [];
  readonly #warnings: ConfigIssue[] = [];
  #unlistedErrors = 0;
  #unlistedWarnings = 0;

  constructor(origin: IssueOrigin) {
    this.#origin = origin;
  }

  /** Records an error at `path`; `at: 'key'` places it on the mapping key (for unknown keys). */
  error(path: ConfigPath, message: string, at: 'key' | 'value' = 'value'): void {
    if (this.#errors.length < MAX_LISTED_ISSUES) this.#errors.push(this.#issue(path, message, at));
    else this.#unlistedErrors++;
  }

  /** Records a warning (a problem that does not stop the config from loading). */
  warning(path: ConfigPath, message: string, at: 'key' | 'value' = 'value'): void {
    if (this.#warnings.length < MAX_LISTED_ISSUES) this.#warnings.push(this.#issue(path, message, at));
    else this.#unlistedWarnings++;
  }

  /** Errors recorded so far, listed or not. */
  get errorCount(): number {
    return this.#errors.length + this.#unlistedErrors;
  }

  /** True once further errors are only counted: a caller may then skip costly details such as suggestions. */
  get listIsFull(): boolean {
    return this.#errors.length >= MAX_LISTED_ISSUES;
  }

  /** Warnings recorded so far, in file order, and a last one counting those not listed. */
  warnings(): readonly ConfigIssue[] {
    return [...[...this.#warnings].sort(compareConfigIssues), ...this.#unlisted(this.#unlistedWarnings, 'warnings')];
  }

  /** Throws a {@link ConfigError} holding every listed error and the count of the rest, if there is any. */
  throwIfErrors(): void {
    if (this.errorCount > 0) throw new ConfigError([...this.#errors, ...this.#unlisted(this.#unlistedErrors, 'errors')]);
  }

  #unlisted(count: number, what: string): ConfigIssue[] {
    if (count === 0) return [];
    return [{ file: this.#origin.file, path: [], line: undefined, column: undefined, message: `… and ${count} more ${what}` }];
  }

  #issue(path: ConfigPath, message: string, at: 'key' | 'value'): ConfigIssue {
    const position = this.#origin.locate?.(path, at);
    return {
      file: this.#origin.file,
      path,
      line: position?.line,
      column: position?.column,
      message: this.#origin.secrets.scrub(message, path),
    };
  }
}
