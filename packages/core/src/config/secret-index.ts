import { configPathKey, isPathPrefix, type ConfigPath } from './config-path.ts';

/** Keys whose values are treated as secrets wherever they appear in a component's options. */
export const SECRET_KEY_PATTERN = /secret|token|password|passwd|authorization|api[-_]?key|credential|hmac/i;

/** The text shown in place of a secret. */
export const REDACTED = '***';

// Deeper than any real config; stops a recursive YAML alias from looping.
const MAX_DEPTH = 64;

/**
 * True when a value at `path` is secret by its key: any key from the third
 * segment on matches {@link SECRET_KEY_PATTERN}. The first two segments are
 * section names and component or pipeline ids (`sinks.webhook/token-api`),
 * which are names, not values.
 */
export function isSecretKeyPath(path: ConfigPath): boolean {
  return path.some((segment, index) => index >= 2 && typeof segment === 'string' && SECRET_KEY_PATTERN.test(segment));
}

/**
 * Knows which values of a config are secret — every value that came from
 * `${env:…}` expansion and every value under a secret-looking key — and
 * scrubs them from messages.
 */
export class SecretIndex {
  readonly #expanded: ReadonlySet<string>;
  readonly #values: { readonly path: ConfigPath; readonly text: string }[] = [];

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

  /** Replaces, in a message about `path`, every secret value at, above or below `path` by `***`. */
  scrub(message: string, path: ConfigPath): string {
    let scrubbed = message;
    for (const secret of this.#values) {
      if (isPathPrefix(path, secret.path) || isPathPrefix(secret.path, path)) {
        scrubbed = scrubbed.split(secret.text).join(REDACTED);
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
    } else if ((typeof value === 'string' || typeof value === 'number') && String(value) !== '' && this.isSecret(path)) {
      this.#values.push({ path, text: String(value) });
    }
  }
}
