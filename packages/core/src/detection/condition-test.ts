import { cidrMatcher } from './cidr-matcher.ts';
import { globMatcher } from './glob-matcher.ts';
import type { FindingException } from './policy-schema.ts';

/** One field condition of an exception or a filter: `equals`, `glob` or `cidr`. */
export type FieldCondition = FindingException['when'][number];

/**
 * Compiles the value test of a condition: `equals` (exact, any of a list),
 * `glob` (see {@link globMatcher}) or `cidr` (see {@link cidrMatcher}).
 */
export function conditionTest(condition: FieldCondition): (value: string) => boolean {
  if (condition.equals !== undefined) {
    const allowed = new Set(typeof condition.equals === 'string' ? [condition.equals] : condition.equals);
    return (value) => allowed.has(value);
  }
  if (condition.glob !== undefined) return globMatcher(condition.glob);
  if (condition.cidr !== undefined) return cidrMatcher(condition.cidr);
  return () => false;
}
