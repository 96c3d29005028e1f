import { describe, expect, it } from 'vitest';
import { conditionDepth, MAX_CONDITION_DEPTH, tooDeepConditions } from './condition-depth.ts';

describe('conditionDepth', () => {
  it('counts the parentheses and nots in force at the deepest operand', () => {
    expect(conditionDepth('selection')).toBe(0);
    expect(conditionDepth('a and b or c')).toBe(0);
    expect(conditionDepth('not a')).toBe(1);
    expect(conditionDepth('not (a and not b)')).toBe(3);
    expect(conditionDepth('(a or b) and (c or (d and e))')).toBe(2);
    expect(conditionDepth('NOT not 1 of sel*')).toBe(2);
    expect(conditionDepth('not a and not b and not c')).toBe(1);
    expect(conditionDepth(`${'('.repeat(5000)}a${')'.repeat(5000)}`)).toBe(5000);
    expect(conditionDepth(`${'not '.repeat(20000)}a`)).toBe(20000);
  });

  it('never throws on unbalanced text', () => {
    expect(conditionDepth(')))a(((')).toBe(3);
    expect(conditionDepth('')).toBe(0);
  });
});

describe('tooDeepConditions', () => {
  it('names each condition past the limit by its path, in a single condition or a list', () => {
    const deep = `${'('.repeat(MAX_CONDITION_DEPTH + 1)}a${')'.repeat(MAX_CONDITION_DEPTH + 1)}`;
    const fine = `${'('.repeat(MAX_CONDITION_DEPTH)}a${')'.repeat(MAX_CONDITION_DEPTH)}`;
    expect(tooDeepConditions({ condition: deep })).toEqual([{ path: ['detection', 'condition'], depth: MAX_CONDITION_DEPTH + 1 }]);
    expect(tooDeepConditions({ condition: [fine, deep] })).toEqual([{ path: ['detection', 'condition', 1], depth: MAX_CONDITION_DEPTH + 1 }]);
    expect(tooDeepConditions({ condition: fine })).toEqual([]);
    expect(tooDeepConditions({ condition: 7 })).toEqual([]);
    expect(tooDeepConditions(null)).toEqual([]);
  });
});
