import { describe, expect, it } from 'vitest';
import { webhookConfigSchema } from './config.ts';

const url = 'https://hooks.example.com/services/T000/B000/XXXX';
const messages = (input: unknown) => webhookConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('webhookConfigSchema', () => {
  it('parses durations and nested partial objects', () => {
    const config = webhookConfigSchema.parse({ url, timeout: '2s', batch: { maxFindings: 5 }, backoff: { max: '1m' } });
    expect(config.timeout).toBe(2000);
    expect(config.batch).toEqual({ maxFindings: 5, maxWait: 1000 });
    expect(config.backoff).toEqual({ initial: 500, max: 60_000 });
  });

  it('rejects unknown keys, non-HTTP URLs and bad durations', () => {
    expect(messages({ url, retries: 3 }).join('\n')).toMatch(/retries/);
    expect(messages({ url: 'ftp://example.com/x' })).toEqual(['url: url must be an http:// or https:// URL']);
    expect(messages({ url, timeout: 'soon' })[0]).toMatch(/^timeout: "soon" is not a duration/);
  });

  it('rejects headers the sink owns, invalid header names and line breaks in values', () => {
    expect(messages({ url, headers: { 'Idempotency-Key': 'x' } })).toEqual([
      'headers.Idempotency-Key: header Idempotency-Key is set by the sink and cannot be configured',
    ]);
    expect(messages({ url, headers: { 'bad header': 'x' } })[0]).toMatch(/not a valid HTTP header name/);
    expect(messages({ url, headers: { 'X-Token': 'a\r\nInjected: 1' } })[0]).toMatch(/line breaks/);
  });

  it('checks cross-field rules with messages a user understands', () => {
    expect(messages({ url, queueSize: 10, batch: { maxFindings: 20 } })).toEqual([
      'queueSize: queueSize (10) must be at least batch.maxFindings (20)',
    ]);
    expect(messages({ url, backoff: { initial: '1m', max: '1s' } })).toEqual(['backoff: backoff.initial must not be longer than backoff.max']);
    expect(messages({ url, hmacSecret: 'short' })[0]).toMatch(/at least 16 characters/);
    expect(messages({ url, tls: { cert: 'client.pem' } })).toEqual(['tls: tls.cert and tls.key go together: give both or neither']);
    expect(messages({ url, batch: { maxFindings: 1000 } })[0]).toMatch(/^batch.maxFindings/);
  });
});
