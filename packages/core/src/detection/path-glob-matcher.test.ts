import { describe, expect, it } from 'vitest';
import { GLOB_LIMITS } from './glob-pattern.ts';
import { pathGlobMatcher } from './path-glob-matcher.ts';

const matching = (glob: string | string[], paths: string[]): boolean[] => paths.map((path) => pathGlobMatcher(glob).matches(path));

describe('pathGlobMatcher syntax', () => {
  it('keeps *, ? and classes inside one segment', () => {
    expect(matching('*.json', ['a.json', 'x/a.json', '.json', 'a.json.gz'])).toEqual([true, false, false, false]);
    expect(matching('a/*/c', ['a/b/c', 'a/b/x/c', 'a//c', 'a/c'])).toEqual([true, false, false, false]);
    expect(matching('a?c', ['abc', 'a/c', 'ac'])).toEqual([true, false, false]);
    expect(matching('a[!b]c', ['axc', 'abc', 'a/c'])).toEqual([true, false, false]);
    expect(matching('a[^0-9]c', ['axc', 'a5c'])).toEqual([true, false]);
    expect(matching('x**y', ['xy', 'x-y', 'x/y'])).toEqual([true, true, false]);
  });

  it('matches ** as a whole segment to zero or more segments', () => {
    expect(matching('**/*.json', ['a.json', 'a/b/c/d.json', 'a/b/c/d.txt'])).toEqual([true, true, false]);
    expect(matching('logs/**/x', ['logs/x', 'logs/a/x', 'logs/a/b/x', 'x', 'logs/a/b/y'])).toEqual([true, true, true, false, false]);
    expect(matching('logs/**', ['logs', 'logs/a', 'logs/a/b', 'other/a'])).toEqual([true, true, true, false]);
    expect(matching('**', ['a', 'a/b/c'])).toEqual([true, true]);
    expect(matching('a/**/**/b', ['a/b', 'a/x/b', 'a/x/y/b'])).toEqual([true, true, true]);
  });

  it('is case-sensitive', () => {
    expect(matching('CloudTrail/*.JSON', ['CloudTrail/a.JSON', 'cloudtrail/a.JSON', 'CloudTrail/a.json'])).toEqual([true, false, false]);
    expect(matching('[A-Z]*', ['Abc', 'abc'])).toEqual([true, false]);
  });

  it('leaves names starting with . to segments that start with .', () => {
    expect(matching('**/*.json', ['.a.json', '.git/a.json', 'a/.git/b/a.json'])).toEqual([false, false, false]);
    expect(matching(['*', '?a', '[.]a', '[!a]a'], ['.a'])).toEqual([false]);
    expect(matching('.*', ['.a', 'a'])).toEqual([true, false]);
    expect(matching('\\.a', ['.a'])).toEqual([true]);
    expect(matching('**/.git/**', ['.git/config', 'a/.git/HEAD', 'a/.git/.hidden'])).toEqual([true, true, false]);
    expect(matching('{a,.b}/x', ['a/x', '.b/x'])).toEqual([true, true]);
  });

  it('expands braces before splitting at /, so an alternative may span segments', () => {
    const glob = '{2024,2025/0[1-6]}/*.json';
    expect(matching(glob, ['2024/a.json', '2025/03/a.json', '2025/a.json', '2025/07/a.json'])).toEqual([true, true, false, false]);
    expect(matching('*.{json,json.gz}', ['a.json', 'a.json.gz', 'a.gz'])).toEqual([true, true, false]);
    expect(matching('{a}', ['{a}', 'a'])).toEqual([true, false]);
  });

  it('takes \\ as an escape and an unclosed [ or { literally', () => {
    expect(matching('a\\*b', ['a*b', 'axb'])).toEqual([true, false]);
    expect(matching('a\\[1]', ['a[1]', 'a1'])).toEqual([true, false]);
    expect(matching('a[b', ['a[b'])).toEqual([true]);
    expect(matching('a{b,c', ['a{b,c'])).toEqual([true]);
    expect(matching('a\\/b', ['a/b'])).toEqual([false]);
  });

  it('ignores empty and . segments in globs and in paths', () => {
    expect(matching('./a//b/', ['a/b', 'a//b/', './a/b'])).toEqual([true, true, true]);
    expect(matching([], ['a'])).toEqual([false]);
  });

  it('refuses a glob past the limits', () => {
    expect(() => pathGlobMatcher(`*${'a'.repeat(GLOB_LIMITS.maxLength)}`)).toThrow(/at most 2048 characters/);
    expect(() => pathGlobMatcher('{a,b}/'.repeat(7))).toThrow(/at most 64 patterns/);
  });
});

describe('pathGlobMatcher directories', () => {
  it('says a directory may hold a match only when leading segments match and a segment is left', () => {
    const glob = pathGlobMatcher('2024/*/CloudTrail/*.json.gz');
    expect(['', '2024', '2024/1', '2024/1/CloudTrail'].map(glob.mayMatchBelow)).toEqual([true, true, true, true]);
    expect(['2023', '2024/1/CloudTrail/deeper', '2024/1/Other', '2024/.1'].map(glob.mayMatchBelow)).toEqual([false, false, false, false]);
    const deep = pathGlobMatcher('logs/**/*.json');
    expect(['logs', 'logs/a/b/c/d', 'other', 'logs/.cache'].map(deep.mayMatchBelow)).toEqual([true, true, false, false]);
    const spanning = pathGlobMatcher('{a,b/c}/*.json');
    expect(['a', 'b', 'b/c', 'z', 'a/x', 'b/d'].map(spanning.mayMatchBelow)).toEqual([true, true, true, false, false, false]);
    expect(pathGlobMatcher('*.{json,json.gz}').mayMatchBelow('sub')).toBe(false);
  });

  it('says a glob matches everything below a directory only when it ends in /** there', () => {
    const digest = pathGlobMatcher(['**/CloudTrail-Digest/**']);
    expect(['CloudTrail-Digest', 'a/CloudTrail-Digest', 'a/CloudTrail-Digest/b', 'a'].map(digest.matchesAllBelow)).toEqual([true, true, true, false]);
    expect(pathGlobMatcher('**/*.json').matchesAllBelow('dir.json')).toBe(false);
    expect(pathGlobMatcher('a/*').matchesAllBelow('a')).toBe(false);
  });
});

// A backtracking RegExp takes seconds to minutes on these (picomatch took 2.3 s on the first one); the
// segment-by-segment run is linear in the path's length. Results are asserted here; times are measured elsewhere.
describe('pathGlobMatcher on adversarial paths', () => {
  const name255 = 'a'.repeat(255);

  it('answers for many stars over 255-character names', () => {
    expect(pathGlobMatcher('**/*a*a*a*b').matches(`x/y/${name255}`)).toBe(false);
    expect(pathGlobMatcher('**/*a*a*a*b').matches(`x/y/${name255}b`)).toBe(true);
    expect(pathGlobMatcher('**/*a*a*a*a*a*a*a*a*a*a*b').matches(`x/${name255}`)).toBe(false);
    expect(pathGlobMatcher('**/*a*a*a*a*a*a*a*a*a*a*a').matches(`x/${name255}`)).toBe(true);
    expect(pathGlobMatcher(`**/${'*a'.repeat(300)}*b/**`).matches(`${name255}/${name255}/${name255}`)).toBe(false);
    expect(pathGlobMatcher(`**/*${'?'.repeat(100)}*b`).matches(`${name255}/${name255}`)).toBe(false);
  });

  it('answers for a 100 KB name and for 50,000 segments', () => {
    const longName = 'a'.repeat(100_000);
    expect(pathGlobMatcher('*a*a*a*a*a*a*b').matches(longName)).toBe(false);
    expect(pathGlobMatcher('*a*a*a*a*a*a*a').matches(longName)).toBe(true);
    const deep = 'a/'.repeat(50_000);
    expect(pathGlobMatcher('**/a/**/a/**/a/**/a/**/b').matches(`${deep}a`)).toBe(false);
    expect(pathGlobMatcher('**/a/**/a/**/a/**/a/**/b').matches(`${deep}b`)).toBe(true);
    expect(pathGlobMatcher(`${'**/a/'.repeat(300)}b`).matches(`${deep}a`)).toBe(false);
    expect(pathGlobMatcher(`${'**/a/'.repeat(300)}b`).mayMatchBelow(deep)).toBe(true);
    expect(pathGlobMatcher(`${'*/'.repeat(1000)}b`).matches(`${deep}b`)).toBe(false);
    expect(pathGlobMatcher('{a,b,c,d}/{a,b,c,d}/{a,b,c,d}/**/*a*a*b').matches(`${deep}${name255}`)).toBe(false);
  });
});
