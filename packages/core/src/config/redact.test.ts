import { describe, expect, it } from 'vitest';
import { parseConfigText } from './parse-config-text.ts';
import { redactConfig } from './redact.ts';
import { SecretIndex } from './secret-index.ts';

describe('redactConfig', () => {
  it('masks values from the environment, wholly or partly, and keeps the rest', () => {
    const parsed = parseConfigText(
      [
        'sources:',
        '  s3/prod: { bucket: "${env:BUCKET}", prefix: "AWSLogs/${env:ACCOUNT}/", region: us-east-1 }',
        'sinks:',
        '  webhook: { url: "${env:HOOK:-https://example.test}", note: "$${env:NOT_EXPANDED}" }',
      ].join('\n'),
      { env: { BUCKET: 'trail-bucket', ACCOUNT: '123456789012' } },
    );
    expect(redactConfig(parsed)).toEqual({
      sources: { 's3/prod': { bucket: '***', prefix: '***', region: 'us-east-1' } },
      sinks: { webhook: { url: '***', note: '${env:NOT_EXPANDED}' } },
    });
  });

  it('masks every value under a secret-looking key, and every header value, whole subtrees included', () => {
    const parsed = parseConfigText(
      [
        'sinks:',
        '  webhook/token-service:',
        '    url: https://example.test',
        '    hmacSecret: plain-text-secret',
        '    headers: { Authorization: Bearer abc, X-Team: sec }',
        '    apiKey: 42',
        '    credentials: { user: u, pass: p }',
        '    ids: [a, b]',
      ].join('\n'),
      { env: {} },
    );
    expect(redactConfig(parsed)).toEqual({
      sinks: {
        'webhook/token-service': {
          url: 'https://example.test',
          hmacSecret: '***',
          headers: { Authorization: '***', 'X-Team': '***' },
          apiKey: '***',
          credentials: '***',
          ids: ['a', 'b'],
        },
      },
    });
  });

  it('shows a literal URL only up to its origin: its path, query and user info may hold a token', () => {
    const parsed = parseConfigText(
      [
        'sinks:',
        '  webhook/slack: { url: https://hooks.slack.com/services/T0/B0/literalurl-SECRET-99 }',
        '  webhook/basic: { url: "https://user:pa55@siem.example.test" }',
        '  webhook/query: { url: "http://siem.example.test:8080?key=k3y#frag" }',
        '  otlp: { endpoint: http://collector:4318 }',
        '  otlp/path: { endpoint: "https://collector.example.test/v1/logs" }',
        'sources:',
        '  s3: { queueUrl: "https://sqs.us-east-1.amazonaws.com/111122223333/trail", bucket: "https://not-a-url-field/x" }',
      ].join('\n'),
      { env: {} },
    );
    expect(redactConfig(parsed)).toEqual({
      sinks: {
        'webhook/slack': { url: 'https://hooks.slack.com/***' },
        'webhook/basic': { url: 'https://siem.example.test/***' },
        'webhook/query': { url: 'http://siem.example.test:8080/***' },
        otlp: { endpoint: 'http://collector:4318' },
        'otlp/path': { endpoint: 'https://collector.example.test/***' },
      },
      sources: { s3: { queueUrl: 'https://sqs.us-east-1.amazonaws.com/***', bucket: 'https://not-a-url-field/***' } },
    });
    expect(parsed.secrets.scrub('bad url https://hooks.slack.com/services/T0/B0/literalurl-SECRET-99 here', ['sinks', 'webhook/slack', 'url'])).toBe(
      'bad url https://hooks.slack.com/*** here',
    );
  });

  it('works on a config built as an object', () => {
    const value = { sinks: { webhook: { password: 'p4ss', url: 'https://x.test' } } };
    expect(redactConfig({ value, secrets: new SecretIndex(value, []) })).toEqual({ sinks: { webhook: { password: '***', url: 'https://x.test' } } });
  });
});
