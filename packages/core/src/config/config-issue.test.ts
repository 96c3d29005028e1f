import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { formatConfigIssue } from './config-issue.ts';
import { formatConfigPath } from './config-path.ts';

describe('formatConfigIssue', () => {
  it('writes file:line:col: path: message', () => {
    const issue = { file: 'jw.yaml', path: ['pipelines', 'default', 'sinks', 1], line: 12, column: 5, message: 'unknown sink "x"' };
    expect(formatConfigIssue(issue)).toBe('jw.yaml:12:5: pipelines.default.sinks[1]: unknown sink "x"');
  });

  it('leaves out what is unknown', () => {
    expect(formatConfigIssue({ file: undefined, path: ['sources', 's3/prod'], line: undefined, column: undefined, message: 'm' })).toBe('sources.s3/prod: m');
    expect(formatConfigIssue({ file: 'embedded', path: [], line: undefined, column: undefined, message: 'm' })).toBe('embedded: m');
    expect(formatConfigIssue({ file: undefined, path: ['a'], line: 2, column: 3, message: 'm' })).toBe('<config>:2:3: a: m');
  });
});

describe('ConfigError', () => {
  it('holds every issue in file order, one per line of its message', () => {
    const error = new ConfigError([
      { file: 'f', path: ['b'], line: 9, column: 1, message: 'second' },
      { file: 'f', path: ['c'], line: undefined, column: undefined, message: 'last' },
      { file: 'f', path: ['a'], line: 2, column: 7, message: 'first' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe('f:2:7: a: first\nf:9:1: b: second\nf: c: last');
    expect(error.issues.map((issue) => issue.message)).toEqual(['first', 'second', 'last']);
  });
});

describe('formatConfigPath', () => {
  it('joins keys with dots and indices in brackets', () => {
    expect(formatConfigPath(['detectors', 'x', 'exceptions', 0, 'when', 1, 'field'])).toBe('detectors.x.exceptions[0].when[1].field');
    expect(formatConfigPath([])).toBe('');
  });
});
