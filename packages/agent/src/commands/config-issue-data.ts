import { ConfigError } from '@jackwatch/core';
import { formatConfigPath, type ConfigIssue } from '@jackwatch/core/config';

/** A config problem as data for `--output json`: where it is and what is wrong. */
export interface ConfigIssueData {
  readonly file: string | null;
  /** The YAML path, as the text output writes it (`sources.s3/prod.bucket`). */
  readonly path: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

/** {@link ConfigIssueData} of an issue; unknown parts are `null`, so every field is always present. */
export function configIssueData(issue: ConfigIssue): ConfigIssueData {
  return { file: issue.file ?? null, path: formatConfigPath(issue.path), line: issue.line ?? null, column: issue.column ?? null, message: issue.message };
}

/** The document `validate --output json` prints for a config that does not load. */
export function invalidConfigData(file: string, error: ConfigError): { file: string; valid: false; errors: ConfigIssueData[] } {
  return { file, valid: false, errors: error.issues.map(configIssueData) };
}
