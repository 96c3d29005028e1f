import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './signature.ts';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = '{"findings":[]}';
  const timestamp = 1_773_454_265;

  it('is an HMAC-SHA256 over "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhookBody(secret, timestamp, body)).toBe(`sha256=${expected}`);
  });

  it('verifies fresh, authentic requests only', () => {
    const signature = signWebhookBody(secret, timestamp, body);
    const now = timestamp * 1000 + 60_000;
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(timestamp), now })).toBe(true);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(timestamp + 1), now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(timestamp), now: now + 600_000 })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature: 'sha256=00', timestamp: String(timestamp), now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature: undefined, timestamp: String(timestamp), now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: 'yesterday', now })).toBe(false);
  });
});
