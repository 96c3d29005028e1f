import { describe, expect, it } from 'vitest';
import { parseConfigText } from './parse-config-text.ts';
import { configError, lines } from './testdata/config-test-helpers.ts';

describe('parseConfigText', () => {
  it('expands references in values, with defaults, and keeps plugins for early loading', () => {
    const parsed = parseConfigText(
      lines('plugins: ["@acme/jackwatch-detectors"]', 'sources:', '  s3:', '    bucket: ${env:BUCKET}', '    region: ${env:REGION:-eu-west-1}', '    prefix: "AWSLogs/${env:ACCOUNT}/"'),
      { file: 'jw.yaml', env: { BUCKET: 'trail', ACCOUNT: '123456789012' } },
    );
    expect(parsed.plugins).toEqual(['@acme/jackwatch-detectors']);
    expect(parsed.value).toEqual({
      plugins: ['@acme/jackwatch-detectors'],
      sources: { s3: { bucket: 'trail', region: 'eu-west-1', prefix: 'AWSLogs/123456789012/' } },
    });
    expect(parsed.secrets.isFromEnvironment(['sources', 's3', 'bucket'])).toBe(true);
    expect(parsed.secrets.isFromEnvironment(['sources', 's3', 'prefix'])).toBe(true);
    expect(parsed.secrets.isFromEnvironment(['plugins', 0])).toBe(false);
  });

  it('reports an unset variable with its name, file, path and line', () => {
    const error = configError(() =>
      parseConfigText(lines('sinks:', '  webhook/slack:', '    url: "${env:SLACK_WEBHOOK_URL}"'), { file: 'jw.yaml', env: {} }),
    );
    expect(error.issues).toEqual([
      {
        file: 'jw.yaml',
        path: ['sinks', 'webhook/slack', 'url'],
        line: 3,
        column: 10,
        message: expect.stringContaining('environment variable SLACK_WEBHOOK_URL is not set'),
      },
    ]);
    expect(error.message).toMatch(/^jw\.yaml:3:10: sinks\.webhook\/slack\.url: environment variable SLACK_WEBHOOK_URL is not set/);
  });

  it('keeps an escaped reference literal and does not treat it as a secret', () => {
    const parsed = parseConfigText(lines('sinks:', '  webhook:', '    template: "$${env:USER} logged in"'), { env: { USER: 'root' } });
    expect(parsed.value).toEqual({ sinks: { webhook: { template: '${env:USER} logged in' } } });
    expect(parsed.secrets.isFromEnvironment(['sinks', 'webhook', 'template'])).toBe(false);
  });

  it('does not expand mapping keys', () => {
    const parsed = parseConfigText('"${env:KEY}": 1\n', { env: { KEY: 'k' } });
    expect(parsed.value).toEqual({ '${env:KEY}': 1 });
  });

  it('marks a value reused through a YAML alias as secret at every path', () => {
    const parsed = parseConfigText(lines('a: &token "${env:TOKEN}"', 'b: *token'), { env: { TOKEN: 't0ken' } });
    expect(parsed.value).toEqual({ a: 't0ken', b: 't0ken' });
    expect(parsed.secrets.isFromEnvironment(['b'])).toBe(true);
  });

  it('reports a YAML syntax error at file:line:col', () => {
    const error = configError(() => parseConfigText(lines('sources:', '  file: { paths: [./logs }', 'sinks: {}'), { file: 'jw.yaml', env: {} }));
    expect(error.issues[0]).toMatchObject({ file: 'jw.yaml', line: 2 });
    expect(error.message).toMatch(/^jw\.yaml:2:\d+: YAML syntax error: /);
  });

  it('reports every bad reference at once', () => {
    const error = configError(() => parseConfigText(lines('a: ${env:ONE}', 'b: ${TWO}', 'c: ${env:THREE}'), { file: 'jw.yaml', env: {} }));
    expect(error.issues.map((issue) => [issue.line, issue.path])).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
    ]);
  });

  it('reads process.env when no environment is given', () => {
    const name = Object.keys(process.env).find((key) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && process.env[key] !== '');
    if (name === undefined) throw new Error('the test needs one environment variable');
    expect(parseConfigText(`v: \${env:${name}}\n`).value).toEqual({ v: process.env[name] });
  });
});
