import { cidrMatcher, isCidr } from '@jackwatch/core';
import { RE2JS } from 're2js';
import type { IssueList, RulePath } from '../rules/rule-issue.ts';
import { encodedPatterns } from './encoded-patterns.ts';
import { fieldReader, someScalar, type FieldReach } from './field-path.ts';
import { parseModifiers, type Comparison, type Modifiers } from './modifiers.ts';
import { numericValue, scalarText } from './numbers.ts';
import { SigmaString } from './sigma-string.ts';
import { equalText, prepare, stringMatcher } from './string-matcher.ts';
import { timePartOf, type TimePart } from './time-part.ts';

/** A compiled test on one raw CloudTrail record. */
export type RecordTest = (record: unknown) => boolean;

type ReachTest = (reach: FieldReach, record: unknown) => boolean;

/** A rule value as YAML gives it. */
export type RuleValue = string | number | boolean | null;

/**
 * Compiles one field item of a selection — `field|modifiers: value or list`
 * — into a test on a record: the field's values (see `fieldReader`) against
 * the rule's values, any of them (all of them with `|all`). With `|neq` the
 * item holds when the field has a value and the same item without `neq`
 * does not ("the field is different from the specified values"). Every problem
 * goes to `issues` (and the result is `undefined`): an unknown or unsupported
 * modifier, a value of the wrong kind, an invalid regular expression or CIDR.
 */
export function compileFieldItem(field: string, modifierNames: readonly string[], value: unknown, path: RulePath, issues: IssueList): RecordTest | undefined {
  const modifiers = parseModifiers(modifierNames, path, issues);
  const values = ruleValues(value, path, issues);
  if (modifiers === undefined || values === undefined) return undefined;
  const tests = valueTests(values, modifiers, path, issues);
  if (tests === undefined) return undefined;
  const read = fieldReader(field);
  const holds = itemTest(tests, modifiers.all);
  if (!modifiers.neq) return (record) => holds(read(record), record);
  // `neq`: the field has a value (a missing or null one differs from nothing), so do the fields it
  // refers to with `fieldref`, and the item without `neq` is false.
  const referred = modifiers.fieldref ? values.map((name) => fieldReader(String(name))) : [];
  return (record) => {
    const reach = read(record);
    if (!hasValue(reach)) return false;
    for (const readOther of referred) if (!hasValue(readOther(record))) return false;
    return !holds(reach, record);
  };
}

function hasValue(reach: FieldReach): boolean {
  return someScalar(reach.values, () => true);
}

// The values' tests as one: any of them holds, or every one with `all`.
function itemTest(tests: readonly ReachTest[], all: boolean): ReachTest {
  if (tests.length === 1) return tests[0]!;
  return (reach, record) => {
    for (const test of tests) if (test(reach, record) !== all) return !all;
    return all;
  };
}

/** The values of an item as a list, or `undefined` (with an issue) when one is not a scalar. */
export function ruleValues(value: unknown, path: RulePath, issues: IssueList): RuleValue[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) {
    issues.invalid(path, 'the list of values is empty, so nothing could ever match');
    return undefined;
  }
  let ok = true;
  list.forEach((item, index) => {
    if (item === null || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return;
    issues.invalid(Array.isArray(value) ? [...path, index] : path, `a value must be a string, number, boolean or null, got ${Array.isArray(item) ? 'a list' : typeof item === 'object' ? 'a mapping' : typeof item}`);
    ok = false;
  });
  return ok ? (list as RuleValue[]) : undefined;
}

function valueTests(values: readonly RuleValue[], modifiers: Modifiers, path: RulePath, issues: IssueList): ReachTest[] | undefined {
  const before = issues.count;
  const at = (index: number): RulePath => (values.length > 1 ? [...path, index] : path);
  if (modifiers.exists) {
    if (values.length !== 1 || typeof values[0] !== 'boolean') {
      issues.invalid(path, '"exists" takes one value, true or false');
      return undefined;
    }
    const wanted = values[0];
    return [(reach) => reach.present === wanted];
  }
  const tests = values.map((value, index): ReachTest | undefined => {
    if (modifiers.compare !== undefined) return comparisonTest(modifiers.compare, value, at(index), issues);
    if (modifiers.cidr) return cidrTest(value, at(index), issues);
    if (modifiers.re !== undefined) return regexTest(value, modifiers.re, at(index), issues);
    if (modifiers.fieldref) return fieldrefTest(value, modifiers, at(index), issues);
    if (modifiers.timePart !== undefined) return timePartTest(modifiers.timePart, value, at(index), issues);
    return plainTest(value, modifiers, at(index), issues);
  });
  if (issues.count > before) return undefined;
  return tests as ReachTest[];
}

function plainTest(value: RuleValue, modifiers: Modifiers, path: RulePath, issues: IssueList): ReachTest | undefined {
  const transformed = modifiers.position !== undefined || modifiers.encoding !== undefined || modifiers.windash;
  if (value === null) {
    if (transformed) {
      issues.invalid(path, 'null matches a missing or null field and takes no modifier');
      return undefined;
    }
    return (reach) => {
      for (const v of reach.values) if (v !== null) return false;
      return true;
    };
  }
  if (typeof value === 'boolean' && !transformed) {
    const text = String(value);
    const equal = (s: string | number | boolean): boolean => s === value || (typeof s === 'string' && s.toLowerCase() === text);
    return (reach) => someScalar(reach.values, equal);
  }
  if (typeof value === 'number' && !transformed) {
    const equal = (s: string | number | boolean): boolean => numericValue(s) === value;
    return (reach) => someScalar(reach.values, equal);
  }
  let patterns = [SigmaString.parse(String(value))];
  if (modifiers.encoding !== undefined) {
    const encoded = encodedPatterns(patterns[0]!, modifiers, modifiers.encoding, path, issues);
    if (encoded === undefined) return undefined;
    patterns = encoded;
  }
  if (modifiers.position === 'contains' || modifiers.position === 'endswith') patterns = patterns.map((p) => p.withLeadingStar());
  if (modifiers.position === 'contains' || modifiers.position === 'startswith') patterns = patterns.map((p) => p.withTrailingStar());
  const cased = modifiers.cased;
  const plain = patterns.length === 1 && !modifiers.windash ? patterns[0]!.plainText() : undefined;
  if (plain !== undefined) {
    const equal = equalText(plain, cased);
    const matchesText = (s: string | number | boolean): boolean => equal(scalarText(s));
    return (reach) => someScalar(reach.values, matchesText);
  }
  const matchers = patterns.map((p) => stringMatcher(p, { cased, windash: modifiers.windash }));
  const matches = (s: string | number | boolean): boolean => {
    const prepared = prepare(scalarText(s), cased);
    for (const matcher of matchers) if (matcher.test(prepared)) return true;
    return false;
  };
  return (reach) => someScalar(reach.values, matches);
}

function comparisonTest(comparison: Comparison, value: RuleValue, path: RulePath, issues: IssueList): ReachTest | undefined {
  const bound = numericValue(value);
  if (bound === undefined) {
    issues.invalid(path, `"${comparison}" compares numbers, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const holds = COMPARE[comparison];
  const compares = (s: string | number | boolean): boolean => {
    const n = numericValue(s);
    return n !== undefined && holds(n, bound);
  };
  return (reach) => someScalar(reach.values, compares);
}

const COMPARE: Readonly<Record<Comparison, (a: number, b: number) => boolean>> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

function timePartTest(part: TimePart, value: RuleValue, path: RulePath, issues: IssueList): ReachTest | undefined {
  const wanted = numericValue(value);
  if (wanted === undefined || !Number.isInteger(wanted)) {
    issues.invalid(path, `"${part}" compares a part of a timestamp with a whole number, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const equal = (s: string | number | boolean): boolean => typeof s === 'string' && timePartOf(s, part) === wanted;
  return (reach) => someScalar(reach.values, equal);
}

function cidrTest(value: RuleValue, path: RulePath, issues: IssueList): ReachTest | undefined {
  if (typeof value !== 'string' || !isCidr(value)) {
    issues.invalid(path, `"cidr" needs an IPv4 or IPv6 range such as 10.0.0.0/8, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const inRange = cidrMatcher(value);
  const inside = (s: string | number | boolean): boolean => typeof s === 'string' && inRange(s);
  return (reach) => someScalar(reach.values, inside);
}

function regexTest(value: RuleValue, flags: NonNullable<Modifiers['re']>, path: RulePath, issues: IssueList): ReachTest | undefined {
  if (typeof value !== 'string') {
    issues.invalid(path, `"re" needs a regular expression as a string, got ${JSON.stringify(value)}`);
    return undefined;
  }
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(value, (flags.i ? RE2JS.CASE_INSENSITIVE : 0) | (flags.m ? RE2JS.MULTILINE : 0) | (flags.s ? RE2JS.DOTALL : 0));
  } catch (error) {
    issues.invalid(path, `invalid or unsupported regular expression (jackwatch runs RE2 syntax, in linear time): ${(error as Error).message}`);
    return undefined;
  }
  const found = (s: string | number | boolean): boolean => pattern.test(scalarText(s));
  return (reach) => someScalar(reach.values, found);
}

function fieldrefTest(value: RuleValue, modifiers: Modifiers, path: RulePath, issues: IssueList): ReachTest | undefined {
  if (typeof value !== 'string' || value === '') {
    issues.invalid(path, `"fieldref" needs the name of another field, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const readOther = fieldReader(value);
  const cased = modifiers.cased;
  const position = modifiers.position;
  return (reach, record) => {
    const others: string[] = [];
    someScalar(readOther(record).values, (s) => {
      others.push(prepare(scalarText(s), cased));
      return false;
    });
    if (others.length === 0) return false;
    return someScalar(reach.values, (s) => {
      const mine = prepare(scalarText(s), cased);
      return others.some((other) =>
        position === 'contains' ? mine.includes(other) : position === 'startswith' ? mine.startsWith(other) : position === 'endswith' ? mine.endsWith(other) : mine === other,
      );
    });
  };
}
