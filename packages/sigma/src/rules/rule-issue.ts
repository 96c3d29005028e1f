/** A YAML path inside one rule document: keys and list indexes. */
export type RulePath = readonly (string | number)[];

/**
 * Why a rule cannot run: `invalid` (it breaks the Sigma specification, or
 * cannot be read) or `unsupported` (valid Sigma that jackwatch does not run,
 * such as the `expand` modifier). Either way the rule is skipped whole.
 */
export type IssueKind = 'invalid' | 'unsupported';

/** One problem of a rule, at a YAML path of its document. */
export interface RuleIssue {
  readonly kind: IssueKind;
  readonly path: RulePath;
  readonly message: string;
}

/** Collects the problems found while compiling one rule. */
export class IssueList {
  readonly #issues: RuleIssue[] = [];

  invalid(path: RulePath, message: string): void {
    this.#issues.push({ kind: 'invalid', path, message });
  }

  unsupported(path: RulePath, message: string): void {
    this.#issues.push({ kind: 'unsupported', path, message });
  }

  get count(): number {
    return this.#issues.length;
  }

  list(): readonly RuleIssue[] {
    return this.#issues;
  }
}
