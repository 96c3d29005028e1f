import { describe, expect, it } from 'vitest';
import { treeMatcher } from './tree-matcher.ts';

describe('treeMatcher', () => {
  it('matches files by the patterns minus the ignored ones, leaving dot files out', () => {
    const matcher = treeMatcher(['**/*.json', '**/*.json.gz'], ['**/CloudTrail-Digest/**']);
    expect(matcher.matches('a.json')).toBe(true);
    expect(matcher.matches('AWSLogs/1/CloudTrail/us-east-1/x.json.gz')).toBe(true);
    expect(matcher.matches('AWSLogs/1/CloudTrail-Digest/us-east-1/x.json.gz')).toBe(false);
    expect(matcher.matches('.hidden/x.json')).toBe(false);
    expect(matcher.matches('notes.txt')).toBe(false);
  });

  it('walks only directories that can hold a match, and none an ignore pattern takes whole', () => {
    const matcher = treeMatcher(['2024/*/CloudTrail/*.json.gz'], ['**/CloudTrail-Digest/**']);
    expect(matcher.mayContain('2024')).toBe(true);
    expect(matcher.mayContain('2024/111122223333')).toBe(true);
    expect(matcher.mayContain('2024/111122223333/CloudTrail')).toBe(true);
    expect(matcher.mayContain('2024/111122223333/CloudTrail/deeper')).toBe(false);
    expect(matcher.mayContain('2023')).toBe(false);
    expect(matcher.mayContain('2024/111122223333/CloudTrail-Digest')).toBe(false);
    const deep = treeMatcher(['logs/**/*.json'], []);
    expect(deep.mayContain('logs/a/b/c/d')).toBe(true);
    expect(deep.mayContain('other')).toBe(false);
  });

  it('expands a group that spans segments before walking, so only its directories are walked', () => {
    const matcher = treeMatcher(['{a,b/c}/*.json'], []);
    expect(['a', 'b', 'b/c'].map(matcher.mayContain)).toEqual([true, true, true]);
    expect(['z', 'b/d', 'a/x'].map(matcher.mayContain)).toEqual([false, false, false]);
    expect(matcher.matches('b/c/x.json')).toBe(true);
    expect(matcher.matches('a/x.json')).toBe(true);
    expect(matcher.matches('z/x.json')).toBe(false);
    expect(treeMatcher(['*.{json,json.gz}'], []).mayContain('sub')).toBe(false);
  });

  it('matches case-sensitively, and keeps * and ? inside one segment', () => {
    const matcher = treeMatcher(['AWSLogs/*/CloudTrail/*.json.gz'], []);
    expect(matcher.matches('AWSLogs/1/CloudTrail/x.json.gz')).toBe(true);
    expect(matcher.matches('awslogs/1/CloudTrail/x.json.gz')).toBe(false);
    expect(matcher.matches('AWSLogs/1/2/CloudTrail/x.json.gz')).toBe(false);
    expect(matcher.mayContain('AWSLogs/1/2')).toBe(false);
  });

  it('walks a directory an ignore pattern matches but does not take whole', () => {
    // `dir.json` is a directory: `**/*.json` leaves out files named so, not what such a directory holds.
    const matcher = treeMatcher(['**/*.gz'], ['**/*.json']);
    expect(matcher.mayContain('dir.json')).toBe(true);
    expect(matcher.matches('dir.json/x.gz')).toBe(true);
    expect(matcher.matches('dir.json/x.json')).toBe(false);
  });

  it('answers for adversarial names and depths (results only: times are reported, not asserted)', () => {
    const name = 'a'.repeat(255);
    const stars = treeMatcher(['**/*a*a*a*b', `**/${'*a'.repeat(200)}*b`], ['**/*a*a*a*a*a*c/**']);
    expect(stars.matches(`x/${name}`)).toBe(false);
    expect(stars.matches(`x/${name}b`)).toBe(true);
    expect(stars.mayContain(`${name}/${name}`)).toBe(true);
    const deep = 'a/'.repeat(50_000);
    const globstars = treeMatcher(['**/a/**/a/**/a/**/b'], ['**/a/**/a/**/c/**']);
    expect(globstars.matches(`${deep}a`)).toBe(false);
    expect(globstars.matches(`${deep}b`)).toBe(true);
    expect(globstars.mayContain(`${deep}c`)).toBe(false);
  });
});
