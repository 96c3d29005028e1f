import { describe, expect, it } from 'vitest';
import { MAX_MASKED_MESSAGE, maskMessage } from './mask-message.ts';

describe('maskMessage', () => {
  it('keeps only the origin of URLs, which may carry a token in their path or query', () => {
    expect(maskMessage('POST https://hooks.slack.com/services/T0/B0/xyz failed: HTTP 503')).toBe('POST https://hooks.slack.com/*** failed: HTTP 503');
    expect(maskMessage('GET http://user:pw@collector:4318 refused')).toBe('GET http://collector:4318/*** refused');
  });

  it('masks access key ids, bearer tokens and secret-looking assignments', () => {
    expect(maskMessage('denied for AKIAQ3EGRKWX5LEAKED1')).toBe('denied for ***');
    expect(maskMessage('header Authorization: Bearer abcdef123456789')).toBe('header Authorization: ***');
    expect(maskMessage('token=s3cr3t&x=1 password: "hunter2"')).not.toMatch(/s3cr3t|hunter2/);
  });

  it('drops control characters and bounds the length, whatever the input size', () => {
    expect(maskMessage('line one\nline two\u0000')).toBe('line one line two ');
    const huge = maskMessage('x'.repeat(10_000_000));
    expect(huge.length).toBe(MAX_MASKED_MESSAGE);
    expect(huge.endsWith('…')).toBe(true);
  });
});
