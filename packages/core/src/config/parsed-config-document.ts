import type { SecretIndex } from './secret-index.ts';
import type { ConfigLocator } from './yaml-source.ts';

/**
 * A config after YAML parsing and `${env:…}` expansion, before validation.
 * Produced by `parseConfigText` (or `resolveConfigObject` for a plain
 * object); `plugins` is read early so the agent can load plugins into the
 * registry before `resolveConfig` validates the components they provide.
 */
export interface ParsedConfigDocument {
  /** The file it came from, as given, for messages; `undefined` for text or objects. */
  readonly file: string | undefined;
  /** The expanded config as plain data (secrets included: never log it; see `redactConfig`). */
  readonly value: unknown;
  /** The `plugins` list when it is a list of strings, else empty (`resolveConfig` then reports it). */
  readonly plugins: readonly string[];
  /** Finds the line and column of a path; `undefined` when the config did not come from text. */
  readonly locate: ConfigLocator | undefined;
  /** Which values are secret, for masking. */
  readonly secrets: SecretIndex;
}

/** Reads `plugins` without validating the rest: a list of non-empty strings, or empty. */
export function readPluginList(value: unknown): readonly string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const plugins = (value as Record<string, unknown>)['plugins'];
  if (!Array.isArray(plugins) || !plugins.every((name) => typeof name === 'string' && name !== '')) return [];
  return plugins as string[];
}
