import { ConfigError } from './config-error.ts';
import { compareConfigIssues, type ConfigIssue } from './config-issue.ts';
import type { ConfigPath } from './config-path.ts';
import type { ParsedConfigDocument } from './parsed-config-document.ts';

/** What an issue needs from the document: where it is and what to mask. */
export type IssueOrigin = Pick<ParsedConfigDocument, 'file' | 'locate' | 'secrets'>;

/**
 * Collects the errors and warnings of one validation run, placing each at
 * its line and column and scrubbing secrets from its message.
 */
export class IssueCollector {
  readonly #origin: IssueOrigin;
  readonly #errors: ConfigIssue[] = [];
  readonly #warnings: ConfigIssue[] = [];

  constructor(origin: IssueOrigin) {
    this.#origin = origin;
  }

  /** Records an error at `path`; `at: 'key'` places it on the mapping key (for unknown keys). */
  error(path: ConfigPath, message: string, at: 'key' | 'value' = 'value'): void {
    this.#errors.push(this.#issue(path, message, at));
  }

  /** Records a warning (a problem that does not stop the config from loading). */
  warning(path: ConfigPath, message: string, at: 'key' | 'value' = 'value'): void {
    this.#warnings.push(this.#issue(path, message, at));
  }

  /** Errors recorded so far. */
  get errorCount(): number {
    return this.#errors.length;
  }

  /** Warnings recorded so far, in file order. */
  warnings(): readonly ConfigIssue[] {
    return [...this.#warnings].sort(compareConfigIssues);
  }

  /** Throws a {@link ConfigError} holding every error, if there is any. */
  throwIfErrors(): void {
    if (this.#errors.length > 0) throw new ConfigError(this.#errors);
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
