import type { IssueList, RulePath } from '../rules/rule-issue.ts';
import { compileFieldItem, type RecordTest } from '../values/field-item.ts';
import { compileKeywords } from '../values/keyword-item.ts';
import { SigmaString } from '../values/sigma-string.ts';
import { ConditionError, parseCondition, type Condition } from './condition.ts';
import { intersect, selectionOf, union, type SelectionSet } from './selection-set.ts';

/** A rule's `detection` section, compiled: the test and what it can match. */
export interface CompiledDetection {
  /** True for a raw CloudTrail record the rule matches. */
  readonly test: RecordTest;
  /** The event sources and names the rule can match: never narrower than `test`. */
  readonly selection: SelectionSet;
}

interface Identifier {
  readonly test: RecordTest;
  readonly selection: SelectionSet;
}

const ROUTING_FIELDS = new Set(['eventSource', 'eventName']);
/** What a condition that holds for no record can match. */
const NOTHING: SelectionSet = new Map();

/**
 * Compiles a `detection` section: each search identifier (a map of field
 * items, a list of maps, or keywords), then the condition over them. Every
 * problem goes to `issues` with its YAML path; the result is `undefined`
 * when there is one, so a rule is never half-applied.
 */
export function compileDetection(detection: unknown, issues: IssueList): CompiledDetection | undefined {
  const root: RulePath = ['detection'];
  if (typeof detection !== 'object' || detection === null || Array.isArray(detection)) {
    issues.invalid(root, 'detection must be a mapping of search identifiers and a condition');
    return undefined;
  }
  const before = issues.count;
  const identifiers = new Map<string, Identifier>();
  for (const [name, value] of Object.entries(detection)) {
    if (name === 'condition') continue;
    if (name === 'timeframe') {
      issues.unsupported([...root, name], '"timeframe" is Sigma v1 aggregation syntax; write a correlation rule with a timespan instead');
      continue;
    }
    const compiled = compileIdentifier(value, [...root, name], issues);
    if (compiled !== undefined) identifiers.set(name, compiled);
  }
  const condition = (detection as Record<string, unknown>)['condition'];
  const conditions = conditionTexts(condition, [...root, 'condition'], issues);
  if (conditions === undefined || issues.count > before) return undefined;
  const names = [...identifiers.keys()];
  const parsed: Condition[] = [];
  conditions.forEach((text, index) => {
    const path = conditions.length > 1 ? [...root, 'condition', index] : [...root, 'condition'];
    try {
      parsed.push(parseCondition(text, names));
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      if (error.unsupported) issues.unsupported(path, `condition "${text}": ${error.message}`);
      else issues.invalid(path, `condition "${text}": ${error.message}`);
    }
  });
  if (issues.count > before) return undefined;
  const whole: Condition = parsed.length === 1 ? parsed[0]! : { kind: 'or', operands: parsed };
  return { test: conditionTest(whole, identifiers), selection: conditionSelection(whole, identifiers) };
}

function conditionTexts(condition: unknown, path: RulePath, issues: IssueList): string[] | undefined {
  if (typeof condition === 'string') return [condition];
  if (Array.isArray(condition) && condition.length > 0 && condition.every((c) => typeof c === 'string')) return condition as string[];
  issues.invalid(path, condition === undefined ? 'detection has no condition' : 'the condition must be a string (or a list of strings, any of which may hold)');
  return undefined;
}

function compileIdentifier(value: unknown, path: RulePath, issues: IssueList): Identifier | undefined {
  if (value === null || value === undefined) {
    issues.invalid(path, 'the search identifier is empty');
    return undefined;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      issues.invalid(path, 'the search identifier is an empty list');
      return undefined;
    }
    if (!value.some(isMapping)) {
      const test = compileKeywords([], value, path, issues);
      return test === undefined ? undefined : { test, selection: 'all' };
    }
    const parts = value.map((item, index) => (isMapping(item) ? compileMap(item, [...path, index], issues) : keywordIdentifier(item, [...path, index], issues)));
    if (parts.some((part) => part === undefined)) return undefined;
    const compiled = parts as Identifier[];
    const tests = compiled.map((part) => part.test);
    const test: RecordTest = (record) => {
      for (const t of tests) if (t(record)) return true;
      return false;
    };
    return { test, selection: compiled.map((part) => part.selection).reduce(union) };
  }
  if (isMapping(value)) return compileMap(value, path, issues);
  return keywordIdentifier(value, path, issues);
}

function keywordIdentifier(value: unknown, path: RulePath, issues: IssueList): Identifier | undefined {
  const test = compileKeywords([], value, path, issues);
  return test === undefined ? undefined : { test, selection: 'all' };
}

function compileMap(map: Readonly<Record<string, unknown>>, path: RulePath, issues: IssueList): Identifier | undefined {
  const entries = Object.entries(map);
  if (entries.length === 0) {
    issues.invalid(path, 'the selection is empty');
    return undefined;
  }
  const before = issues.count;
  const tests: RecordTest[] = [];
  let sources: string[] | undefined;
  let names: string[] | undefined;
  for (const [key, value] of entries) {
    const [field, ...modifiers] = key.split('|');
    const itemPath = [...path, key];
    const test = field === '' ? compileKeywords(modifiers, value, itemPath, issues) : compileFieldItem(field!, modifiers, value, itemPath, issues);
    if (test !== undefined) tests.push(test);
    const exact = ROUTING_FIELDS.has(field!) ? exactValues(modifiers, value) : undefined;
    if (exact === undefined) continue;
    if (field === 'eventSource') sources = sources === undefined ? exact : sources.filter((s) => exact.some((e) => e.toLowerCase() === s.toLowerCase()));
    else names = names === undefined ? exact : names.filter((n) => exact.some((e) => e.toLowerCase() === n.toLowerCase()));
  }
  if (issues.count > before) return undefined;
  const selection = selectionOf(sources, names);
  const test: RecordTest =
    tests.length === 1
      ? tests[0]!
      : (record) => {
          for (const t of tests) if (!t(record)) return false;
          return true;
        };
  return { test, selection };
}

// Values that pin a routing field: plain strings without wildcards, compared whole (no modifier but `cased`).
function exactValues(modifiers: readonly string[], value: unknown): string[] | undefined {
  if (modifiers.some((m) => m.toLowerCase() !== 'cased')) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === 'string')) return undefined;
  const plain = list.map((v) => SigmaString.parse(v as string).plainText());
  return plain.every((p): p is string => p !== undefined) ? plain : undefined;
}

function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function conditionTest(condition: Condition, identifiers: ReadonlyMap<string, Identifier>): RecordTest {
  switch (condition.kind) {
    case 'identifier':
      return identifiers.get(condition.name)!.test;
    case 'not': {
      const inner = conditionTest(condition.operand, identifiers);
      return (record) => !inner(record);
    }
    case 'and': {
      const tests = condition.operands.map((operand) => conditionTest(operand, identifiers));
      return (record) => {
        for (const test of tests) if (!test(record)) return false;
        return true;
      };
    }
    case 'or': {
      const tests = condition.operands.map((operand) => conditionTest(operand, identifiers));
      return (record) => {
        for (const test of tests) if (test(record)) return true;
        return false;
      };
    }
  }
}

// A negation can match events of any source, so it constrains nothing.
function conditionSelection(condition: Condition, identifiers: ReadonlyMap<string, Identifier>): SelectionSet {
  switch (condition.kind) {
    case 'identifier':
      return identifiers.get(condition.name)!.selection;
    case 'not':
      return 'all';
    case 'and':
      return condition.operands.map((operand) => conditionSelection(operand, identifiers)).reduce(intersect);
    case 'or':
      return condition.operands.map((operand) => conditionSelection(operand, identifiers)).reduce(union, NOTHING);
  }
}
