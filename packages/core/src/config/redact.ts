import type { ConfigPath } from './config-path.ts';
import type { ParsedConfigDocument } from './parsed-config-document.ts';
import { REDACTED } from './secret-index.ts';

// Deeper than any real config; stops a recursive YAML alias from looping.
const MAX_DEPTH = 64;

/**
 * The expanded config as plain data, safe to print (`jackwatch validate`):
 * every value that came from `${env:…}` and every value under a
 * secret-looking key (`token`, `password`, `apiKey`, `hmacSecret`, …) is
 * replaced by `"***"`, whole subtrees included.
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
    return value;
  };
  return redact(parsed.value, []);
}
