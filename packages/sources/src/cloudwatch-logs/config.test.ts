import { describe, expect, it } from 'vitest';
import { cloudWatchLogsSourceConfigSchema } from './config.ts';
import { resolveStartTime } from './start-time.ts';

const parse = (input: unknown) => cloudWatchLogsSourceConfigSchema.safeParse(input);
const messages = (input: unknown): string[] => parse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('cloudwatch-logs config', () => {
  it('completes a minimal config with the documented defaults', () => {
    const config = cloudWatchLogsSourceConfigSchema.parse({ logGroups: ['aws-cloudtrail-logs-org'] });
    expect(config).toEqual({
      logGroups: ['aws-cloudtrail-logs-org'],
      mode: 'pull',
      startTime: { ago: 3_600_000 },
      pollInterval: 30_000,
      ingestionDelay: 300_000,
      once: false,
      pageSize: 10_000,
      maxRecordSize: 16 * 1024 * 1024,
      maxAttempts: 5,
    });
  });

  it('takes an empty endpoint (an unset ${env:…:-}) as the AWS default', () => {
    expect(cloudWatchLogsSourceConfigSchema.parse({ logGroups: ['g'], endpoint: '' }).endpoint).toBeUndefined();
    expect(cloudWatchLogsSourceConfigSchema.parse({ logGroups: ['g'], endpoint: 'http://127.0.0.1:4566' }).endpoint).toBe('http://127.0.0.1:4566');
    expect(parse({ logGroups: ['g'], endpoint: 'not a url' }).success).toBe(false);
  });

  it('names logGroups when it is missing', () => {
    expect(messages({})).toEqual([expect.stringMatching(/^logGroups: /)]);
  });

  it('rejects unknown keys', () => {
    expect(parse({ logGroups: ['g'], logGroup: 'g' }).success).toBe(false);
  });

  it('accepts ARNs of other accounts and drops the trailing :* the console copies', () => {
    const config = cloudWatchLogsSourceConfigSchema.parse({
      logGroups: ['arn:aws:logs:us-east-1:210987654321:log-group:org-trail:*', '/aws/cloudtrail/main'],
    });
    expect(config.logGroups).toEqual(['arn:aws:logs:us-east-1:210987654321:log-group:org-trail', '/aws/cloudtrail/main']);
  });

  it('reads relative and absolute start times', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const at = (startTime: unknown) => resolveStartTime(cloudWatchLogsSourceConfigSchema.parse({ logGroups: ['g'], startTime }).startTime, now);
    expect(at('-1h')).toBe(now - 3_600_000);
    expect(at('7d')).toBe(now - 7 * 86_400_000);
    expect(at('2026-10-01')).toBe(Date.UTC(2026, 9, 1));
    expect(at('2026-10-01T12:30:00Z')).toBe(Date.UTC(2026, 9, 1, 12, 30));
    expect(at(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(messages({ logGroups: ['g'], startTime: 'yesterday' })).toEqual([expect.stringMatching(/^startTime: "yesterday" is not a start time/)]);
  });

  it('parses durations and keeps pollInterval sane', () => {
    const config = cloudWatchLogsSourceConfigSchema.parse({ logGroups: ['g'], ingestionDelay: '10m', pollInterval: '1m' });
    expect([config.ingestionDelay, config.pollInterval]).toEqual([600_000, 60_000]);
    expect(messages({ logGroups: ['g'], pollInterval: '100ms' })).toEqual(['pollInterval: pollInterval must be at least 1s']);
  });

  it('explains the Live Tail limits', () => {
    expect(messages({ logGroups: ['g'], mode: 'tail', once: true })).toEqual([expect.stringMatching(/^once: .*live tail never ends/)]);
    const eleven = Array.from({ length: 11 }, (_, i) => `g${i}`);
    expect(messages({ logGroups: eleven, mode: 'tail' })).toEqual([expect.stringMatching(/^logGroups: Live Tail follows at most 10/)]);
    expect(messages({ logGroups: ['a', 'b'], mode: 'tail', logStreamNamePrefix: '1234' })).toEqual([
      expect.stringMatching(/^logStreamNamePrefix: .*single log group/),
    ]);
    expect(parse({ logGroups: ['a'], mode: 'tail', logStreamNamePrefix: '1234' }).success).toBe(true);
  });

  it('rejects a group listed twice and an over-long filter pattern', () => {
    expect(messages({ logGroups: ['a', 'a'] })).toEqual(['logGroups: log group a is listed twice']);
    expect(parse({ logGroups: ['a'], filterPattern: 'x'.repeat(1025) }).success).toBe(false);
  });
});
