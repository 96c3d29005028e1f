import { parse } from 'yaml';
import { compileDetection, type CompiledDetection } from '../detection/compile-detection.ts';
import { toInterest } from '../detection/selection-set.ts';
import { IssueList, type RuleIssue } from '../rules/rule-issue.ts';
import type { Interest } from '@jackwatch/core';

/** A detection section compiled for a test: its test and interest, or its problems. */
export interface TestDetection {
  readonly matches: (record: unknown) => boolean;
  readonly interest: Interest;
  readonly compiled: CompiledDetection;
}

/** Compiles a `detection` section written as YAML; throws with the problems when it does not compile. */
export function detection(yaml: string): TestDetection {
  const issues = new IssueList();
  const compiled = compileDetection(parse(yaml), issues);
  if (compiled === undefined) throw new Error(issues.list().map((i) => `${i.kind} ${i.path.join('.')}: ${i.message}`).join('\n'));
  return { matches: compiled.test, interest: toInterest(compiled.selection), compiled };
}

/** The problems of a `detection` section written as YAML (empty when it compiles). */
export function detectionIssues(yaml: string): readonly RuleIssue[] {
  const issues = new IssueList();
  compileDetection(parse(yaml), issues);
  return issues.list();
}

/** A one-selection detection: `selection: { <item>: <value> }`, `condition: selection`. */
export function item(key: string, value: unknown): TestDetection {
  const issues = new IssueList();
  const compiled = compileDetection({ selection: { [key]: value }, condition: 'selection' }, issues);
  if (compiled === undefined) throw new Error(issues.list().map((i) => `${i.kind} ${i.path.join('.')}: ${i.message}`).join('\n'));
  return { matches: compiled.test, interest: toInterest(compiled.selection), compiled };
}

/** The problems of a one-item selection. */
export function itemIssues(key: string, value: unknown): readonly RuleIssue[] {
  const issues = new IssueList();
  compileDetection({ selection: { [key]: value }, condition: 'selection' }, issues);
  return issues.list();
}
