import { describe, expect, it } from 'vitest';
import { fileSourceConfigSchema } from './config.ts';

describe('fileSourceConfigSchema', () => {
  it('completes a minimal config with the documented defaults', () => {
    expect(fileSourceConfigSchema.parse({ paths: ['logs'] })).toEqual({
      paths: ['logs'],
      include: ['*.json', '*.json.gz', '*.ndjson', '*.ndjson.gz', '*.jsonl', '*.jsonl.gz'],
      exclude: ['**/CloudTrail-Digest/**', '**/CloudTrail-Insight/**'],
      follow: false,
      pollInterval: 2000,
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
});
