import { describe, expect, it } from 'vitest';
import { detection, item } from '../testdata/compile-rule.ts';

// Hostile rules and records must complete in time linear in the record:
// regular expressions run on RE2, wildcards never backtrack, nesting never
// recurses on the call stack. No wall-time assertion: a regression shows as
// a test that never finishes (the test timeout).
describe('hostile patterns and values', () => {
  const hostile = 'a'.repeat(100_000) + 'b';

  it('a catastrophic-backtracking regular expression against a 100 KB value', () => {
    expect(item('userAgent|re', '(a+)+$').matches({ userAgent: hostile })).toBe(false);
    expect(item('userAgent|re', '^(a+)+b$').matches({ userAgent: hostile })).toBe(true);
    expect(item('userAgent|re', '^(a+)+c$').matches({ userAgent: hostile })).toBe(false);
    expect(item('userAgent|re', '(a|aa)*c').matches({ userAgent: hostile })).toBe(false);
    expect(item('userAgent|re|i', '^(A*)*$').matches({ userAgent: hostile })).toBe(false);
  });

  it('wildcard patterns with many stars and single-character wildcards against a 100 KB value', () => {
    expect(item('userAgent', '*a*a*a*a*a*a*a*a*a*a*c').matches({ userAgent: hostile })).toBe(false);
    expect(item('userAgent', 'a?a?a?a?*a?a?a?c').matches({ userAgent: hostile })).toBe(false);
    expect(item('userAgent|windash|contains', '-a-a-a-c').matches({ userAgent: hostile })).toBe(false);
    expect(item('userAgent|base64offset|contains', 'aaaaaaaaaaaaaaaaaaaaaaaaaaac').matches({ userAgent: hostile })).toBe(false);
  });

  it('keywords across a record of 10,000 large values', () => {
    const record = { requestParameters: { items: Array.from({ length: 10_000 }, (_, i) => `${'x'.repeat(10)}${i}`) } };
    expect(detection('keywords: ["*x*x*x*x*y"]\ncondition: keywords').matches(record)).toBe(false);
  });

  it('a record nested 100,000 levels deep', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = i % 2 === 0 ? [deep] : { next: deep };
    const record = { requestParameters: deep };
    expect(item('requestParameters|contains', 'bottom').matches(record)).toBe(true);
    expect(detection('keywords: [bottom]\ncondition: keywords').matches(record)).toBe(true);
    expect(item('requestParameters.next.next', 'x').matches(record)).toBe(false);
  });
});
