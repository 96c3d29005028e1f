import { describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';

const issues = (input: unknown): string[] => {
  const result = s3SourceConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('s3 source config', () => {
  it('completes a minimal poll config with defaults, durations in milliseconds', () => {
    expect(s3SourceConfigSchema.parse({ bucket: 'org-trail' })).toEqual({
      mode: 'poll',
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
      maxAttempts: 5,
      workers: 0,
    });
  });

  it('completes a minimal SQS config with only the options SQS mode takes', () => {
    const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/trail';
    const expected = { mode: 'sqs', queueUrl, prefix: '', once: false, concurrency: 8, prefilter: true, maxRecordSize: 16 * 1024 * 1024, maxAttempts: 5, workers: 0, waitTime: 20_000, visibilityTimeout: 600_000, maxMessages: 10 };
    expect(s3SourceConfigSchema.parse({ mode: 'sqs', queueUrl })).toEqual(expected);
    expect(s3SourceConfigSchema.parse({ queueUrl })).toEqual(expected); // a queueUrl without mode means SQS mode
  });

  it('refuses an option of the other mode with a message that names the mode', () => {
    const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/trail';
    expect(issues({ mode: 'sqs', queueUrl, pollInterval: '5m', layout: 'flat' })).toEqual([
      'layout: layout only applies to mode: poll; in mode: sqs the notifications say which objects to read',
      'pollInterval: pollInterval only applies to mode: poll; in mode: sqs the notifications say which objects to read',
    ]);
    expect(issues({ mode: 'poll', bucket: 'trail', queueUrl, maxMessages: 5 })).toEqual([
      'queueUrl: queueUrl only applies to mode: sqs (reading S3 event notifications from a queue); this source is in mode: poll',
      'maxMessages: maxMessages only applies to mode: sqs (reading S3 event notifications from a queue); this source is in mode: poll',
    ]);
    expect(issues({ bucket: 'trail', waitTime: '5s' })).toEqual([
      'waitTime: waitTime only applies to mode: sqs (reading S3 event notifications from a queue); this source is in mode: poll',
    ]);
    expect(issues({ mode: 'sqs' })).toEqual(['queueUrl: queueUrl is required in sqs mode: the URL of the queue S3 notifies']);
    expect(issues({ mode: 'pull', bucket: 'trail' })).toEqual(['mode: mode must be poll (list the bucket) or sqs (read S3 event notifications from a queue)']);
  });

  it('takes a blank option of the other mode (an unset `${env:NAME:-}`) as not set', () => {
    expect(s3SourceConfigSchema.parse({ bucket: 'trail', queueUrl: '' })).toMatchObject({ mode: 'poll', bucket: 'trail' });
    expect(s3SourceConfigSchema.parse({ bucket: 'trail', queueUrl: '' })).not.toHaveProperty('queueUrl', '');
  });

  it('takes workers as the file source does', () => {
    expect(s3SourceConfigSchema.parse({ bucket: 'trail', workers: 'auto' })).toMatchObject({ workers: 'auto' });
    expect(issues({ bucket: 'trail', workers: 'many' })).toEqual(['workers: workers must be "auto" or a number of threads from 0 to 64']);
    expect(issues({ bucket: 'trail', workers: 65 })[0]).toMatch(/^workers: /);
  });

  it('names what is missing or contradictory, in words a user understands', () => {
    expect(issues({})).toEqual(['bucket: bucket is required in poll mode (or set mode: sqs and queueUrl to read S3 event notifications from SQS)']);
    expect(issues({ queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/trail', accounts: ['123456789012'], startTime: '1d' })).toEqual([
      'accounts: accounts only applies to mode: poll; in mode: sqs the notifications say which objects to read',
      'startTime: startTime only applies to mode: poll; in mode: sqs the notifications say which objects to read',
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
