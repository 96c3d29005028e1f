import { interestIncludes } from '@jackwatch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueList } from '../rules/rule-issue.ts';
import { refMatches, type RefCondition, type RefItem } from '../testdata/reference-evaluator.ts';
import { compileDetection } from './compile-detection.ts';
import { toInterest } from './selection-set.ts';

const SOURCES = ['s3.amazonaws.com', 'iam.amazonaws.com'];
const NAMES = ['DeleteTrail', 'deletetrail', 'ListBuckets', 'GetObject'];
const STRINGS = ['DeleteTrail', 'aws-cli/2.0 Python', 'Boto3', '', 'a?c', 'abc', 'AKIA1', 'akia1', '42', '10.5', 'x\\y', 'a*c', 'Ünïcode'];
const scalar = fc.oneof(fc.constantFrom(...STRINGS), fc.constantFrom(0, 42, 10.5, -3), fc.boolean(), fc.constant(null));
const leafValue = fc.oneof({ arbitrary: scalar, weight: 4 }, { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 });

const record = fc.record(
  {
    eventSource: fc.constantFrom(...SOURCES),
    eventName: fc.constantFrom(...NAMES),
    userAgent: leafValue,
    errorCode: leafValue,
    userIdentity: fc.record({ type: leafValue, arn: leafValue }, { requiredKeys: [] }),
    requestParameters: fc.record({ count: leafValue, items: fc.array(fc.record({ name: leafValue }, { requiredKeys: [] }), { maxLength: 2 }) }, { requiredKeys: [] }),
    tags: fc.array(scalar, { maxLength: 3 }),
  },
  { requiredKeys: ['eventSource', 'eventName'] },
);

const FIELDS = ['eventSource', 'eventName', 'userAgent', 'errorCode', 'userIdentity.type', 'userIdentity.arn', 'requestParameters.count', 'requestParameters.items.name', 'requestParameters', 'tags', 'missing.field'];
const PATTERNS = ['deletetrail', 'Delete*', '*trail', 'a?c', 'a\\?c', 'a\\*c', '4*', '', '*', 'boto3', 'AWS-CLI/*', 'x\\y', 's3.amazonaws.com', 'iam.amazonaws.com', 'ünïcode'];
const REGEXES = ['^a', 'c$', 'a.c', '[0-9]+', 'Get|Put', '^$', 'AKIA'];

const plainItem = fc.record({
  mods: fc.constantFrom([], ['contains'], ['startswith'], ['endswith'], ['contains', 'all'], ['cased'], ['startswith', 'cased'], ['all'], ['neq'], ['contains', 'neq'], ['neq', 'all']),
  values: fc.array(fc.oneof({ arbitrary: fc.constantFrom(...PATTERNS), weight: 5 }, { arbitrary: fc.constantFrom(42, 10.5, 0), weight: 1 }, { arbitrary: fc.boolean(), weight: 1 }), { minLength: 1, maxLength: 3 }),
});
const item: fc.Arbitrary<RefItem> = fc.tuple(
  fc.constantFrom(...FIELDS),
  fc.oneof(
    { arbitrary: plainItem, weight: 6 },
    { arbitrary: fc.record({ mods: fc.constant([] as string[]), values: fc.constant([null] as unknown[]) }), weight: 1 },
    { arbitrary: fc.record({ mods: fc.constant(['exists']), values: fc.boolean().map((b) => [b]) }), weight: 1 },
    { arbitrary: fc.record({ mods: fc.constantFrom(['re'], ['re', 'i']), values: fc.array(fc.constantFrom(...REGEXES), { minLength: 1, maxLength: 2 }) }), weight: 1 },
    { arbitrary: fc.record({ mods: fc.constantFrom(['gt'], ['gte'], ['lt'], ['lte']), values: fc.array(fc.constantFrom(0, 10, 42, -1), { minLength: 1, maxLength: 2 }) }), weight: 1 },
  ),
).map(([field, { mods, values }]) => ({ key: [field, ...mods].join('|'), value: values.length === 1 ? values[0] : values }));

const SELECTION_NAMES = ['sel_a', 'sel_b', 'filter_c', '_hidden'];
const selections = fc.tuple(...SELECTION_NAMES.map(() => fc.uniqueArray(item, { minLength: 1, maxLength: 3, selector: (i) => i.key })));
const condition: fc.Arbitrary<RefCondition> = fc.letrec<{ node: RefCondition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SELECTION_NAMES).map((id): RefCondition => ({ id })),
    fc.constantFrom<RefCondition>({ oneOf: 'sel_*' }, { allOf: 'sel_*' }, { oneOf: 'them' }, { allOf: 'them' }, { oneOf: '*_c' }, { allOf: '*' }, { oneOf: '*' }, { oneOf: '_*' }),
    tie('node').map((n): RefCondition => ({ not: n })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((and): RefCondition => ({ and })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((or): RefCondition => ({ or })),
  ),
})).node;

function render(c: RefCondition): string {
  if ('id' in c) return c.id;
  if ('not' in c) return `not (${render(c.not)})`;
  if ('and' in c) return `(${c.and.map(render).join(' and ')})`;
  if ('or' in c) return `(${c.or.map(render).join(' or ')})`;
  return `${'oneOf' in c ? '1' : 'all'} of ${'oneOf' in c ? c.oneOf : c.allOf}`;
}

describe('compiled detections against a brute-force evaluator', () => {
  it('agree on every generated rule and record, and the interest includes every match', () => {
    fc.assert(
      fc.property(selections, condition, fc.array(record, { minLength: 1, maxLength: 8 }), (items, cond, records) => {
        const detection: Record<string, unknown> = { condition: render(cond) };
        const reference: Record<string, RefItem[]> = {};
        SELECTION_NAMES.forEach((name, i) => {
          detection[name] = Object.fromEntries(items[i]!.map((it) => [it.key, it.value]));
          reference[name] = items[i]!;
        });
        const issues = new IssueList();
        const compiled = compileDetection(detection, issues);
        expect(issues.list()).toEqual([]);
        const interest = toInterest(compiled!.selection);
        for (const r of records) {
          const expected = refMatches(reference, cond, r);
          expect(compiled!.test(r), JSON.stringify({ detection, record: r })).toBe(expected);
          if (expected) expect(interestIncludes(interest, r.eventSource!, r.eventName!)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
