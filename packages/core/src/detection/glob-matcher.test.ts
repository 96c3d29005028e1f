import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatcher } from './glob-matcher.ts';
import { GLOB_LIMITS, globPatternProblem } from './glob-pattern.ts';

describe('globMatcher syntax', () => {
  it('matches ? as one character other than /, and classes, negated classes and ranges', () => {
    expect(['ab', 'a/', 'abc', 'a'].map(globMatcher('a?'))).toEqual([true, false, false, false]);
    expect(['role-1', 'role-7', 'role-x', 'role-'].map(globMatcher('role-[1-5x]'))).toEqual([true, false, true, false]);
    expect(['a1', 'ab', 'a/'].map(globMatcher('a[!0-9]'))).toEqual([false, true, true]);
    expect(['a1', 'ab'].map(globMatcher('a[^0-9]'))).toEqual([false, true]);
    expect(['a]', 'ab'].map(globMatcher('a[]b]'))).toEqual([true, true]);
  });

  it('expands {a,b} alternatives, nested, and keeps a brace without a comma literal', () => {
    const m = globMatcher('role/{admin,ops{,-lead}}-*');
    expect(['role/admin-1', 'role/ops-2', 'role/ops-lead-3', 'role/dev-1', 'role/{admin,ops}-1'].map(m)).toEqual([true, true, true, false, false]);
    expect(['{a}', 'a'].map(globMatcher('{a}'))).toEqual([true, false]);
  });

  it('takes \\ as an escape, and an unclosed [ or { as a literal character', () => {
    expect(['a*b', 'axb'].map(globMatcher('a\\*b'))).toEqual([true, false]);
    expect(['a?', 'ab'].map(globMatcher('a\\?'))).toEqual([true, false]);
    expect(['a[b', 'ab'].map(globMatcher('a[b'))).toEqual([true, false]);
    expect(['a{b,c', 'ab'].map(globMatcher('a{b,c'))).toEqual([true, false]);
  });

  it('treats ** as *, and reads ! and @( ) literally', () => {
    expect(globMatcher('a**b')('a/x/b')).toBe(true);
    expect(['!admin', 'user'].map(globMatcher('!admin'))).toEqual([true, false]);
    expect(['@(a|b)', 'a'].map(globMatcher('@(a|b)'))).toEqual([true, false]);
  });

  it('matches the empty pattern only to the empty string', () => {
    expect(['', 'a'].map(globMatcher(''))).toEqual([true, false]);
  });
});

describe('globMatcher limits', () => {
  it('refuses a pattern longer than the limit and braces that expand past it, saying why', () => {
    const long = `*${'a'.repeat(GLOB_LIMITS.maxLength)}`;
    expect(globPatternProblem(long)).toMatch(/at most 2048 characters/);
    expect(() => globMatcher([long])).toThrow(RangeError);
    const braces = '{a,b}'.repeat(7);
    expect(globPatternProblem(braces)).toMatch(/at most 64 patterns/);
    expect(globPatternProblem('{a,b}'.repeat(6))).toBeUndefined();
    expect(globPatternProblem('{a,b}'.repeat(400))).toMatch(/at most 64 patterns/);
  });
});

// Every entry point that matches globs (exceptions, the filter processor, `admins`) goes through
// globMatcher: these values of 100 KB would take a backtracking RegExp minutes or forever.
describe('globMatcher on adversarial values of 100 KB', () => {
  const run = 'a'.repeat(100_000);

  it('answers for many stars over a run of one letter', () => {
    expect(globMatcher('*a*a*a*a*a*a*b')(run)).toBe(false);
    expect(globMatcher('*a*a*a*a*a*a*a')(run)).toBe(true);
    expect(globMatcher('a*a*a*a*a*a*ab')(run)).toBe(false);
    expect(globMatcher('*aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab*')(run)).toBe(false);
  });

  it('answers for ? and classes between stars', () => {
    expect(globMatcher('*?*?*?*?*?*?*b')(run)).toBe(false);
    expect(globMatcher('*[ab]*[ab]*[ab]*[!a]')(run)).toBe(false);
    expect(globMatcher('*??????????????????????????????b*')(run)).toBe(false);
    expect(globMatcher('*?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a*')(run)).toBe(true);
    expect(globMatcher(`*${'?'.repeat(2000)}b*`)(run)).toBe(false);
    expect(globMatcher(`*${'?a'.repeat(1000)}*`)(run)).toBe(true);
  });

  it('answers for every brace alternative at once', () => {
    expect(globMatcher('{*a,*b}{*a,*b}{*a,*b}{*a,*b}{*a,*b}{*a,*b}c')(run)).toBe(false);
  });

  it('answers for a huge principal ARN against admin patterns', () => {
    const arn = `arn:aws:iam::123456789012:role/${'admin'.repeat(20_000)}x`;
    expect(globMatcher(['arn:*:iam::*:role/*admin*admin*admin*y', 'arn:*:sts::*:assumed-role/*admin*/*'])(arn)).toBe(false);
    expect(globMatcher('arn:*:iam::*:role/*admin*')(arn)).toBe(true);
  });
});

// A reference matcher: the pattern as tokens, matched by dynamic programming over (token, character).
type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly chars: readonly string[]; readonly range: boolean }
  | { readonly kind: 'alternatives'; readonly options: readonly (readonly Token[])[] };

const SPECIAL = new Set(['*', '?', '[', '{', '}', ',', '\\']);

function render(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      switch (token.kind) {
        case 'char':
          return SPECIAL.has(token.char) ? `\\${token.char}` : token.char;
        case 'star':
          return '*';
        case 'any':
          return '?';
        case 'class':
          return `[${token.negated ? '!' : ''}${token.chars.join('')}${token.range ? 'c-e' : ''}]`;
        case 'alternatives':
          return `{${token.options.map(render).join(',')}}`;
      }
    })
    .join('');
}

function expand(tokens: readonly Token[]): Token[][] {
  let results: Token[][] = [[]];
  for (const token of tokens) {
    const options = token.kind === 'alternatives' ? token.options.flatMap(expand) : [[token]];
    results = results.flatMap((prefix) => options.map((option) => [...prefix, ...option]));
  }
  return results;
}

function accepts(token: Token, char: string): boolean {
  if (token.kind === 'char') return token.char.toLowerCase() === char;
  if (token.kind === 'any') return char !== '/';
  if (token.kind !== 'class') return false;
  const inside = token.chars.includes(char) || (token.range && char >= 'c' && char <= 'e');
  return inside !== token.negated;
}

function referenceMatch(tokens: readonly Token[], value: string): boolean {
  const text = value.toLowerCase();
  // row[j]: tokens[i..] match text[j..]; filled from the last token back.
  let next = Array.from({ length: text.length + 1 }, (_, j) => j === text.length);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const row = new Array<boolean>(text.length + 1).fill(false);
    for (let j = text.length; j >= 0; j--) {
      row[j] = token.kind === 'star' ? next[j]! || (j < text.length && row[j + 1]!) : j < text.length && accepts(token, text[j]!) && next[j + 1]!;
    }
    next = row;
  }
  return next[0]!;
}

const char = fc.constantFrom('a', 'b', 'B', '/', 'x', '-', '*', '?', '[', ',');
const simple: fc.Arbitrary<Token> = fc.oneof(
  { weight: 4, arbitrary: char.map((c): Token => ({ kind: 'char', char: c })) },
  { weight: 3, arbitrary: fc.constant<Token>({ kind: 'star' }) },
  { weight: 2, arbitrary: fc.constant<Token>({ kind: 'any' }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ negated: fc.boolean(), chars: fc.uniqueArray(fc.constantFrom('a', 'b', '/', 'x'), { maxLength: 3 }), range: fc.boolean() })
      .filter((c) => c.chars.length > 0 || c.range)
      .map((c): Token => ({ kind: 'class', ...c })),
  },
);
const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 6, arbitrary: simple },
  { weight: 1, arbitrary: fc.array(fc.array(simple, { maxLength: 3 }), { minLength: 2, maxLength: 3 }).map((options): Token => ({ kind: 'alternatives', options })) },
);
const text = fc.array(fc.constantFrom('a', 'A', 'b', 'B', '/', 'x', 'c', 'd', '-', '*', '?', '['), { maxLength: 14 }).map((chars) => chars.join(''));

describe('globMatcher against a dynamic-programming reference', () => {
  it('agrees on every pattern and value', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), text, (tokens, value) => {
        const alternatives = expand(tokens);
        fc.pre(alternatives.length <= GLOB_LIMITS.maxAlternatives);
        const expected = alternatives.some((alternative) => referenceMatch(alternative, value));
        expect(globMatcher(render(tokens))(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on long runs of ? and classes between stars, which span several words of the bit-parallel search', () => {
    const single = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('a', 'b').map((c): Token => ({ kind: 'char', char: c })) },
      { weight: 3, arbitrary: fc.constant<Token>({ kind: 'any' }) },
      { weight: 1, arbitrary: fc.constantFrom<Token>({ kind: 'class', negated: true, chars: ['b'], range: false }, { kind: 'class', negated: false, chars: ['a', '/'], range: false }) },
    );
    const segment = fc.array(single, { minLength: 1, maxLength: 80, size: 'max' });
    const filler = fc.array(fc.constantFrom('a', 'b', '/'), { maxLength: 40 }).map((chars) => chars.join(''));
    // A character each token accepts, so most values nearly match; one flipped character makes near misses.
    const witness = (token: Token): string => (token.kind === 'char' ? token.char : token.kind === 'class' && token.negated ? 'a' : token.kind === 'class' ? '/' : 'b');
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, segment), { minLength: 1, maxLength: 3 }), filler, fc.option(fc.nat()), (parts, tail, flip) => {
        const tokens: Token[] = [{ kind: 'star' }, ...parts.flatMap(([, run]): Token[] => [...run, { kind: 'star' }])];
        let value = parts.map(([before, run]) => before + run.map(witness).join('')).join('') + tail;
        if (flip !== null && value.length > 0) {
          const at = flip % value.length;
          value = value.slice(0, at) + (value[at] === 'a' ? '/' : 'a') + value.slice(at + 1);
        }
        expect(globMatcher(render(tokens))(value)).toBe(referenceMatch(tokens, value));
      }),
      { numRuns: 1500 },
    );
  });
});
