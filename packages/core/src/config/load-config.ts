import type { ComponentRegistry } from '../registry/component-registry.ts';
import type { ConfigEnvironment } from './env-expansion.ts';
import type { JackwatchConfig } from './jackwatch-config.ts';
import { parseConfigText } from './parse-config-text.ts';
import { readConfigText } from './read-config-text.ts';
import { resolveConfig } from './resolve-config.ts';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The variables `${env:…}` reads; default `process.env`. */
  readonly env?: ConfigEnvironment;
}

/**
 * Reads, parses, expands and validates a config file in one step, with
 * relative paths resolved against the file's directory. The registry must
 * already hold every component type the file uses: to load the file's
 * `plugins` first, use `parseConfigText` and `resolveConfig` instead.
 *
 * @throws {ConfigError} when the file cannot be read, is larger than `CONFIG_LIMITS.maxBytes`, or is not valid.
 * @example
 * ```ts
 * const config = await loadConfig('jackwatch.yaml', registry);
 * for (const warning of config.warnings) logger.warn(formatConfigIssue(warning));
 * ```
 */
export async function loadConfig(file: string, registry: ComponentRegistry, options: LoadConfigOptions = {}): Promise<JackwatchConfig> {
  const text = await readConfigText(file);
  const parsed = parseConfigText(text, { file, ...(options.env === undefined ? {} : { env: options.env }) });
  return resolveConfig(parsed, registry);
}
