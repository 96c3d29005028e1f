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

  it('walks everything below a group that spans segments, and lets the full match decide', () => {
    const matcher = treeMatcher(['{a,b/c}/*.json'], []);
    expect(matcher.mayContain('b')).toBe(true);
    expect(matcher.mayContain('z')).toBe(true);
    expect(matcher.matches('b/c/x.json')).toBe(true);
    expect(matcher.matches('z/x.json')).toBe(false);
    expect(treeMatcher(['*.{json,json.gz}'], []).mayContain('sub')).toBe(false);
  });
});
