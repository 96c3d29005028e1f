import type { Finding } from '../finding/finding.ts';
import { conditionTest, type FieldCondition } from './condition-test.ts';
import { findingField } from './finding-fields.ts';
import type { FindingException } from './policy-schema.ts';

/**
 * Compiles a detector's `exceptions` into one test: true when any exception
 * holds for the finding, i.e. all of its conditions hold. A condition holds
 * when any value of its field (see {@link findingField}) passes it: `equals`
 * (see {@link conditionTest}).
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

function compileCondition(condition: FieldCondition): (finding: Finding) => boolean {
  const read = findingField(condition.field);
  const test = conditionTest(condition);
  return (finding) => read(finding).some(test);
}
