import { describe, expect, it } from 'vitest';
import { compileFilterPattern, FilterPatternSyntaxError } from './filter-pattern-matcher.ts';

const record = (eventSource: string, eventName: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ eventSource, eventName, userIdentity: { accessKeyId: 'AKIAEXAMPLE' }, ...extra });

describe('fake filter pattern matcher', () => {
  it('matches everything with the empty pattern', () => {
    expect(compileFilterPattern('')('not even json')).toBe(true);
    expect(compileFilterPattern(undefined)('x')).toBe(true);
  });

  it('evaluates the source-only pattern the source derives', () => {
    const matches = compileFilterPattern('{ $.eventSource = "bedrock.amazonaws.com" }');
    expect(matches(record('bedrock.amazonaws.com', 'InvokeModel'))).toBe(true);
    expect(matches(record('s3.amazonaws.com', 'GetObject'))).toBe(false);
    expect(matches('bedrock.amazonaws.com in plain text')).toBe(false);
  });

  it('evaluates source && (name || name) with parentheses, case-sensitively', () => {
    const matches = compileFilterPattern('{ ($.eventSource = "bedrock.amazonaws.com") && ($.eventName = "InvokeModel" || $.eventName = "Converse") }');
    expect(matches(record('bedrock.amazonaws.com', 'InvokeModel'))).toBe(true);
    expect(matches(record('bedrock.amazonaws.com', 'Converse'))).toBe(true);
    expect(matches(record('bedrock.amazonaws.com', 'GetFoundationModel'))).toBe(false);
    expect(matches(record('bedrock.amazonaws.com', 'invokemodel'))).toBe(false);
    expect(matches(record('sts.amazonaws.com', 'InvokeModel'))).toBe(false);
  });

  it('gives && precedence over ||', () => {
    const matches = compileFilterPattern('{ $.eventSource = "a" || $.eventSource = "b" && $.eventName = "X" }');
    expect(matches(record('a', 'Y'))).toBe(true);
    expect(matches(record('b', 'Y'))).toBe(false);
    expect(matches(record('b', 'X'))).toBe(true);
  });

  it('supports nested selectors, wildcards, != and numbers', () => {
    expect(compileFilterPattern('{ $.userIdentity.accessKeyId = "AKIA*" }')(record('s', 'n'))).toBe(true);
    expect(compileFilterPattern('{ $.eventName != "GetObject" }')(record('s', 'PutObject'))).toBe(true);
    expect(compileFilterPattern('{ $.eventName != "GetObject" }')(record('s', 'GetObject'))).toBe(false);
    expect(compileFilterPattern('{ $.missing != "x" }')(record('s', 'n'))).toBe(false);
    expect(compileFilterPattern('{ $.bytes > 1000 }')(record('s', 'n', { bytes: 2048 }))).toBe(true);
    expect(compileFilterPattern('{ $.tags[1] = "b" }')(record('s', 'n', { tags: ['a', 'b'] }))).toBe(true);
  });

  it('matches term patterns when every term occurs', () => {
    const matches = compileFilterPattern('ERROR "bedrock runtime"');
    expect(matches('ERROR calling bedrock runtime')).toBe(true);
    expect(matches('ERROR calling bedrock')).toBe(false);
  });

  it('refuses what it does not implement, as CloudWatch refuses what it cannot parse', () => {
    expect(() => compileFilterPattern('{ $.eventName IS NULL }')).toThrow(FilterPatternSyntaxError);
    expect(() => compileFilterPattern('{ ($.eventName = "a" }')).toThrow(FilterPatternSyntaxError);
    expect(() => compileFilterPattern('{ $.eventName = "a"')).toThrow(FilterPatternSyntaxError);
    expect(() => compileFilterPattern('?ERROR ?WARN')).toThrow(FilterPatternSyntaxError);
    expect(() => compileFilterPattern('[ip, user, ...]')).toThrow(FilterPatternSyntaxError);
  });
});
