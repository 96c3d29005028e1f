import { RE2JS } from 're2js';
import type { IssueList, RulePath } from '../rules/rule-issue.ts';
import { encodedPatterns } from './encoded-patterns.ts';
import { someScalar } from './field-path.ts';
import { scalarText } from './numbers.ts';
import type { RecordTest } from './field-item.ts';
import { ruleValues } from './field-item.ts';
import { parseModifiers } from './modifiers.ts';
import { SigmaString } from './sigma-string.ts';
import { prepare, stringMatcher, type StringMatcher } from './string-matcher.ts';

/**
 * Compiles keywords — values without a field, a list under a search
 * identifier or a `'|modifiers': [values]` key — into a search of every
 * value of the record, nested ones too: strings, and numbers and booleans as
 * JSON writes them (keys are not searched). A keyword is found in a value
 * whose text contains it (its own wildcards count; `startswith`/`endswith`
 * anchor it instead, `re` searches with a regular expression); any keyword
 * is enough, every one with `|all`.
 */
export function compileKeywords(modifierNames: readonly string[], value: unknown, path: RulePath, issues: IssueList): RecordTest | undefined {
  const modifiers = parseModifiers(modifierNames, path, issues);
  const values = ruleValues(value, path, issues);
  if (modifiers === undefined || values === undefined) return undefined;
  const before = issues.count;
  if (modifiers.exists || modifiers.cidr || modifiers.compare !== undefined || modifiers.fieldref || modifiers.neq || modifiers.timePart !== undefined) {
    issues.invalid(path, 'keywords search text: "exists", "cidr", comparisons, "neq", "fieldref" and time parts need a field');
    return undefined;
  }
  const tests = values.map((value, index): ((text: string) => boolean) | undefined => {
    const at = values.length > 1 ? [...path, index] : path;
    if (value === null) {
      issues.invalid(at, 'a keyword cannot be null');
      return undefined;
    }
    if (modifiers.re !== undefined) {
      if (typeof value !== 'string') {
        issues.invalid(at, `"re" needs a regular expression as a string, got ${JSON.stringify(value)}`);
        return undefined;
      }
      try {
        const { i, m, s } = modifiers.re;
        const pattern = RE2JS.compile(value, (i ? RE2JS.CASE_INSENSITIVE : 0) | (m ? RE2JS.MULTILINE : 0) | (s ? RE2JS.DOTALL : 0));
        return (text) => pattern.test(text);
      } catch (error) {
        issues.invalid(at, `invalid or unsupported regular expression (jackwatch runs RE2 syntax, in linear time): ${(error as Error).message}`);
        return undefined;
      }
    }
    let patterns = [SigmaString.parse(String(value))];
    if (modifiers.encoding !== undefined) {
      const encoded = encodedPatterns(patterns[0]!, modifiers, modifiers.encoding, at, issues);
      if (encoded === undefined) return undefined;
      patterns = encoded;
    }
    const position = modifiers.position ?? 'contains';
    if (position !== 'startswith') patterns = patterns.map((p) => p.withLeadingStar());
    if (position !== 'endswith') patterns = patterns.map((p) => p.withTrailingStar());
    const matchers: StringMatcher[] = patterns.map((p) => stringMatcher(p, { cased: modifiers.cased, windash: modifiers.windash }));
    return (text) => {
      const prepared = prepare(text, modifiers.cased);
      return matchers.some((m) => m.test(prepared));
    };
  });
  if (issues.count > before) return undefined;
  const found = tests as ((text: string) => boolean)[];
  return modifiers.all ? (record) => found.every((test) => someValueText(record, test)) : (record) => someValueText(record, (text) => found.some((test) => test(text)));
}

/**
 * True when `visit` holds for the text of some value anywhere in `root`:
 * strings as they are, numbers and booleans as JSON writes them (a keyword
 * searches the whole event, and `8443` or `true` are in it); keys are not values.
 */
export function someValueText(root: unknown, visit: (text: string) => boolean): boolean {
  return someScalar([root], (scalar) => visit(scalarText(scalar)));
}
