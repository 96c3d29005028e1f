import { configPathKey, isPathPrefix, type ConfigPath } from './config-path.ts';
import { redactUrl } from './redact-url.ts';
import { REDACTED } from './redacted.ts';

/** Keys whose values are treated as secrets wherever they appear in a component's options. */
export const SECRET_KEY_PATTERN = /secret|token|password|passwd|passphrase|auth|cookie|api[-_]?key|private[-_]?key|credential|hmac|signature/i;

export { REDACTED } from './redacted.ts';

// Deeper than any real config; stops a recursive YAML alias from looping.
const MAX_DEPTH = 64;

/**
 * True when a value at `path` is secret by its key: any key from the third
 * segment on matches {@link SECRET_KEY_PATTERN}, or the value is inside a
 * component's `headers` (every header value, since any may carry a
 * credential; the header names stay visible). The first two segments are
 * section names and component or pipeline ids (`sinks.webhook/token-api`),
 * which are names, not values.
 */
export function isSecretKeyPath(path: ConfigPath): boolean {
  return path.some(
    (segment, index) => index >= 2 && typeof segment === 'string' && (SECRET_KEY_PATTERN.test(segment) || (segment.toLowerCase() === 'headers' && index < path.length - 1)),
  );
}

/**
 * Knows which values of a config are secret — every value that came from
 * `${env:…}` expansion, every value under a secret-looking key, and the
 * part of an `http(s)` URL after its origin — and scrubs them from messages.
 */
export class SecretIndex {
  readonly #expanded: ReadonlySet<string>;
  readonly #values: { readonly path: ConfigPath; readonly text: string; readonly shown: string }[] = [];

  /** @param value the config as plain data; @param expandedPaths the paths filled from the environment */
  constructor(value: unknown, expandedPaths: readonly ConfigPath[]) {
    this.#expanded = new Set(expandedPaths.map(configPathKey));
    this.#collect(value, []);
  }

  /** True when the value at `path` must be masked. */
  isSecret(path: ConfigPath): boolean {
    return this.#expanded.has(configPathKey(path)) || isSecretKeyPath(path);
  }

  /** True when the value at `path` came (wholly or partly) from `${env:…}` expansion. */
  isFromEnvironment(path: ConfigPath): boolean {
    return this.#expanded.has(configPathKey(path));
  }

  /**
   * Replaces, in a message about `path`, every secret value at, above or
   * below `path` by `***`, and every URL there by its origin (see `redactUrl`).
   */
  scrub(message: string, path: ConfigPath): string {
    let scrubbed = message;
    for (const secret of this.#values) {
      if (isPathPrefix(path, secret.path) || isPathPrefix(secret.path, path)) {
        scrubbed = scrubbed.split(secret.text).join(secret.shown);
      }
    }
    return scrubbed;
  }

  #collect(value: unknown, path: ConfigPath): void {
    if (path.length > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.#collect(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) this.#collect(item, [...path, key]);
    } else if ((typeof value === 'string' || typeof value === 'number') && String(value) !== '') {
      const text = String(value);
      const shown = this.isSecret(path) ? REDACTED : typeof value === 'string' ? redactUrl(value) : undefined;
      if (shown !== undefined) this.#values.push({ path, text, shown });
    }
  }
}
