import { describe, expect, it } from 'vitest';
import { expandEnvReferences } from './env-expansion.ts';

describe('expandEnvReferences', () => {
  const env = { TOKEN: 'abc', EMPTY: '', PORT: '8080' };

  it('replaces whole and embedded references', () => {
    expect(expandEnvReferences('${env:TOKEN}', env)).toEqual({ value: 'abc', expanded: true, errors: [] });
    expect(expandEnvReferences('Bearer ${env:TOKEN} on ${env:PORT}', env).value).toBe('Bearer abc on 8080');
  });

  it('uses the default when the variable is unset or empty', () => {
    expect(expandEnvReferences('${env:MISSING:-us-east-1}', env)).toEqual({ value: 'us-east-1', expanded: true, errors: [] });
    expect(expandEnvReferences('${env:EMPTY:-fallback}', env).value).toBe('fallback');
    expect(expandEnvReferences('${env:MISSING:-}', env)).toEqual({ value: '', expanded: true, errors: [] });
  });

  it('keeps a set variable over its default', () => {
    expect(expandEnvReferences('${env:TOKEN:-other}', env).value).toBe('abc');
  });

  it('reports an unset variable without a default by name', () => {
    const result = expandEnvReferences('${env:SLACK_WEBHOOK_URL}', env);
    expect(result.errors).toEqual([expect.stringContaining('environment variable SLACK_WEBHOOK_URL is not set')]);
  });

  it('accepts an empty variable without a default as empty', () => {
    expect(expandEnvReferences('x${env:EMPTY}y', env)).toEqual({ value: 'xy', expanded: true, errors: [] });
  });

  it('turns $${ into a literal ${ without expanding', () => {
    expect(expandEnvReferences('$${env:TOKEN}', env)).toEqual({ value: '${env:TOKEN}', expanded: false, errors: [] });
    expect(expandEnvReferences('costs $5 and $${x}', env).value).toBe('costs $5 and ${x}');
  });

  it('rejects a reference without the env: scheme and an unclosed one', () => {
    expect(expandEnvReferences('${TOKEN}', env).errors).toEqual([expect.stringContaining('"${TOKEN}" is not a reference')]);
    expect(expandEnvReferences('${env:TOKEN', env).errors).toEqual([expect.stringContaining('unclosed')]);
  });

  it('leaves text without references untouched', () => {
    expect(expandEnvReferences('plain text', env)).toEqual({ value: 'plain text', expanded: false, errors: [] });
  });
});
