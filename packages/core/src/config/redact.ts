import type { ConfigPath } from './config-path.ts';
import type { ParsedConfigDocument } from './parsed-config-document.ts';
import { redactUrl } from './redact-url.ts';
import { REDACTED } from './redacted.ts';

// Deeper than any real config; stops a recursive YAML alias from looping.
const MAX_DEPTH = 64;

/**
 * The expanded config as plain data, safe to print (`jackwatch validate`):
 * every value that came from `${env:…}`, every value under a secret-looking
 * key (`token`, `password`, `apiKey`, `hmacSecret`, …) and every header
 * value is replaced by `"***"`, whole subtrees included; an `http(s)` URL
 * shows only its origin (`https://hooks.slack.com/***`).
 *
 * @example redactConfig(parseConfigText('sinks: { webhook: { url: "${env:HOOK}" } }')) // { sinks: { webhook: { url: '***' } } }
 */
export function redactConfig(parsed: Pick<ParsedConfigDocument, 'value' | 'secrets'>): unknown {
  const redact = (value: unknown, path: ConfigPath): unknown => {
    if (path.length > 0 && parsed.secrets.isSecret(path)) return REDACTED;
    if (path.length > MAX_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((item, index) => redact(item, [...path, index]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, [...path, key])]));
    }
    return typeof value === 'string' ? (redactUrl(value) ?? value) : value;
  };
  return redact(parsed.value, []);
}
