import type { LogGroupTarget } from './log-group-target.ts';

/** A log group ARN's parts: `arn:<partition>:logs:<region>:<account>:log-group:<name>[:*]`. */
interface ParsedArn {
  readonly account: string;
  readonly name: string;
}

const ARN = /^arn:[^:]+:logs:[^:]*:(\d{12}):log-group:(.+?)(?::\*)?$/;

/**
 * Maps every way CloudWatch names a configured log group back to the group's
 * identifier (as configured): Live Tail events name their group "by name or
 * ARN" — the name, the ARN with or without a trailing `:*`, or
 * `account-id:name` — whatever the session was opened with. A bare name
 * shared by groups of two accounts maps to neither (it cannot say which).
 */
export class LogGroupNames {
  readonly #byName = new Map<string, string>();

  constructor(groups: readonly LogGroupTarget[]) {
    const ambiguous = new Set<string>();
    const add = (name: string, identifier: string): void => {
      const known = this.#byName.get(name);
      if (known !== undefined && known !== identifier) ambiguous.add(name);
      else this.#byName.set(name, identifier);
    };
    // Keys: each identifier as configured, `arn:<account>:<name>` (any ARN of the group), `<account>:<name>`, and the name.
    for (const { identifier, arn } of groups) {
      add(identifier, identifier);
      const parsed = parseArn(arn ?? identifier);
      if (parsed === undefined) continue;
      add(`arn:${parsed.account}:${parsed.name}`, identifier);
      add(`${parsed.account}:${parsed.name}`, identifier);
      add(parsed.name, identifier);
    }
    for (const name of ambiguous) this.#byName.delete(name);
  }

  /** The identifier of the configured group `named` refers to, or `undefined` when it names none (or none unambiguously). */
  identifierOf(named: string): string | undefined {
    const exact = this.#byName.get(named);
    if (exact !== undefined) return exact;
    const arn = parseArn(named);
    return arn === undefined ? undefined : this.#byName.get(`arn:${arn.account}:${arn.name}`);
  }
}

function parseArn(value: string): ParsedArn | undefined {
  const match = ARN.exec(value);
  return match === null ? undefined : { account: match[1]!, name: match[2]! };
}
