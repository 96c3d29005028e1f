import { describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';

const issues = (input: unknown): string[] => {
  const result = s3SourceConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('s3 source config', () => {
  it('completes a minimal poll config with defaults, durations in milliseconds', () => {
    expect(s3SourceConfigSchema.parse({ bucket: 'org-trail' })).toEqual({
      bucket: 'org-trail',
      prefix: '',
      layout: 'cloudtrail',
      pollInterval: 60_000,
      lateDelivery: 900_000,
      once: false,
      concurrency: 8,
      listPageSize: 1000,
      prefilter: true,
      maxRecordSize: 16 * 1024 * 1024,
      waitTime: 20_000,
      visibilityTimeout: 600_000,
      maxMessages: 10,
      maxAttempts: 5,
    });
  });

  it('names what is missing or contradictory, in words a user understands', () => {
    expect(issues({})).toEqual(['bucket: bucket is required in poll mode (or set queueUrl to read S3 event notifications from SQS)']);
    expect(issues({ queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/trail', accounts: ['123456789012'], startTime: '1d' })).toEqual([
      'accounts: accounts only applies to poll mode; with queueUrl the notifications say which objects to read',
      'startTime: startTime only applies to poll mode; with queueUrl the notifications say which objects to read',
    ]);
    expect(issues({ bucket: 'trail', layout: 'flat', regions: ['us-east-1'] })).toEqual([
      'regions: regions needs layout: cloudtrail (the AWSLogs/<account>/CloudTrail/<region>/ layout)',
    ]);
    expect(issues({ bucket: 'trail', startTime: 'last tuesday' })[0]).toMatch(/^startTime: "last tuesday" is not a start time/);
    expect(issues({ bucket: 'trail', accounts: ['12345'], organizationId: 'org-1' })).toEqual([
      'organizationId: an organization id looks like o-a1b2c3d4e5',
      'accounts.0: an account id is 12 digits',
    ]);
    expect(issues({ bucket: 'trail', pollInterval: 'soon' })[0]).toMatch(/^pollInterval: "soon" is not a duration/);
    expect(issues({ queueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q', waitTime: '30s' })).toEqual(['waitTime: waitTime is the SQS long-poll wait: at most 20s']);
  });

  it('takes an empty string (an unset `${env:NAME:-}`) as not set', () => {
    expect(s3SourceConfigSchema.parse({ bucket: 'trail', endpoint: '', region: '', startTime: '' })).not.toHaveProperty('endpoint', '');
    expect(issues({ bucket: 'trail', endpoint: 'not a url' })).toEqual(['endpoint: Invalid URL']);
  });

  it('rejects unknown keys', () => {
    expect(issues({ bucket: 'trail', bukcet: 'b' })[0]).toMatch(/bukcet/);
  });

  it('accepts dates, timestamps and spans as startTime', () => {
    for (const startTime of ['2026-10-01', '2026-10-01T12:30:00Z', '36h']) expect(issues({ bucket: 'trail', startTime })).toEqual([]);
  });
});
