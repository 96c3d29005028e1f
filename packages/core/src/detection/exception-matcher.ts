import type { Finding } from '../finding/finding.ts';
import { cidrMatcher } from './cidr-matcher.ts';
import { findingField } from './finding-fields.ts';
import { globMatcher } from './glob-matcher.ts';
import type { FindingException } from './policy-schema.ts';

/**
 * Compiles a detector's `exceptions` into one test: true when any exception
 * holds for the finding, i.e. all of its conditions hold. A condition holds
 * when any value of its field (see {@link findingField}) passes it: `equals`
 * (exact, any of a list), `glob` (see {@link globMatcher}) or `cidr` (see
 * {@link cidrMatcher}).
 *
 * @example
 * ```ts
 * const excepted = exceptionMatcher([{ when: [{ field: 'sourceIPAddress', cidr: '10.0.0.0/8' }] }]);
 * ```
 */
export function exceptionMatcher(exceptions: readonly FindingException[]): (finding: Finding) => boolean {
  const compiled = exceptions.map((exception) => exception.when.map(compileCondition));
  return (finding) => compiled.some((conditions) => conditions.every((holds) => holds(finding)));
}

function compileCondition(condition: FindingException['when'][number]): (finding: Finding) => boolean {
  const read = findingField(condition.field);
  const test = valueTest(condition);
  return (finding) => read(finding).some(test);
}

function valueTest(condition: FindingException['when'][number]): (value: string) => boolean {
  if (condition.equals !== undefined) {
    const allowed = new Set(typeof condition.equals === 'string' ? [condition.equals] : condition.equals);
    return (value) => allowed.has(value);
  }
  if (condition.glob !== undefined) return globMatcher(condition.glob);
  if (condition.cidr !== undefined) return cidrMatcher(condition.cidr);
  return () => false;
}
