import type { Interest } from '@jackwatch/core';
import type { IssueKind } from './rule-issue.ts';

/** What became of one rule document. */
export type RuleStatus = 'loaded' | 'skipped' | 'invalid';

/** A problem of a rule, placed in its file. */
export interface RuleProblem {
  readonly kind: IssueKind;
  /** `file:line:column: yaml.path: message`. */
  readonly text: string;
}

/** One rule document as `jackwatch sigma check` reports it. */
export interface RuleEntry {
  /** The file, as shown (relative to the base directory when under it). */
  readonly file: string;
  readonly line: number;
  readonly kind: 'rule' | 'correlation' | 'unknown';
  readonly title: string | undefined;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly level: string | undefined;
  readonly status: RuleStatus;
  /** Why it was skipped, or what is invalid (every problem found). */
  readonly reasons: readonly string[];
  /** The id its findings carry, when it emits findings of its own. */
  readonly memberId: string | undefined;
  /** What the pipeline routes to it (for a correlation: to its rules). */
  readonly interest: Interest | undefined;
  /** The correlations that use the rule (by name, id or title). */
  readonly usedBy: readonly string[];
}

/** Formats a problem's location and message as one line. */
export function problemText(file: string, line: number, column: number, path: string, message: string): string {
  return `${file}:${line}:${column}: ${path === '' ? '' : `${path}: `}${message}`;
}
