import { describe, expect, it } from 'vitest';
import { fileSourceConfigSchema } from './config.ts';

describe('fileSourceConfigSchema', () => {
  it('completes a minimal config with the documented defaults', () => {
    expect(fileSourceConfigSchema.parse({ paths: ['logs'] })).toEqual({
      paths: ['logs'],
      include: ['*.json', '*.json.gz', '*.ndjson', '*.ndjson.gz', '*.jsonl', '*.jsonl.gz'],
      exclude: ['**/CloudTrail-Digest/**', '**/CloudTrail-Insight/**'],
      follow: false,
      pollInterval: 500,
      maxWholeFileSize: 32 * 1024 * 1024,
      maxRecordSize: 16 * 1024 * 1024,
      batchSize: 1000,
      prefilter: true,
      workers: 0,
    });
  });

  it('accepts a single path and parses durations and sizes', () => {
    const config = fileSourceConfigSchema.parse({ paths: '/var/log/trail', follow: true, pollInterval: '500ms', maxWholeFileSize: '1MiB' });
    expect(config).toMatchObject({ paths: ['/var/log/trail'], pollInterval: 500, maxWholeFileSize: 1024 * 1024 });
  });

  it('names what is missing or wrong', () => {
    const messages = (input: unknown): string[] => fileSourceConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages({})).toEqual(['paths: paths is required: list the files, directories or globs to read']);
    expect(messages({ paths: [] })).toEqual(['paths: paths needs at least one file, directory or glob']);
    expect(messages({ paths: ['x'], pollInterval: 'soon' })[0]).toMatch(/^pollInterval: "soon" is not a duration/);
    expect(messages({ paths: ['x'], pollInterval: '1ms' })).toEqual(['pollInterval: pollInterval must be at least 10ms']);
    expect(messages({ paths: ['x'], batchSize: 0 })[0]).toMatch(/^batchSize: /);
    expect(messages({ paths: ['x'], follows: true })[0]).toMatch(/follows/);
  });

  it('refuses include and exclude patterns past the glob limits, at their index', () => {
    const messages = (input: unknown): string[] => fileSourceConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages({ paths: ['x'], include: ['*.json', `*${'a'.repeat(2047)}`] })).toEqual([
      'include.1: a glob may be at most 2048 characters long; this one has 2051 (counting the "**/" a pattern without "/" is matched with)',
    ]);
    expect(messages({ paths: ['x'], exclude: ['{a,b}/'.repeat(7)] })).toEqual(['exclude.0: a glob\'s {a,b} alternatives may expand to at most 64 patterns; this one expands to more']);
    expect(messages({ paths: ['x'], include: [`*${'a'.repeat(2044)}`] })).toEqual([]);
  });
});
