import { resolve } from 'node:path';
import type { ComponentRegistry } from '../registry/component-registry.ts';
import type { ConfigEnvironment } from './env-expansion.ts';
import type { JackwatchConfig } from './jackwatch-config.ts';
import type { ParsedConfigDocument } from './parsed-config-document.ts';
import { parseConfigText } from './parse-config-text.ts';
import { readConfigText } from './read-config-text.ts';
import { resolveConfig } from './resolve-config.ts';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The variables `${env:…}` reads; default `process.env`. */
  readonly env?: ConfigEnvironment;
}

/**
 * Reads a config file (bounded: `CONFIG_LIMITS.maxBytes`), parses it and
 * expands `${env:…}`, without validating components: enough to know its
 * `plugins:`, which must be registered before {@link resolveConfig}. The
 * document names the file by its absolute path.
 *
 * @throws {ConfigError} when the file cannot be read, is too large, or is not valid YAML.
 */
export async function readConfigFile(file: string, options: LoadConfigOptions = {}): Promise<ParsedConfigDocument> {
  const path = resolve(file);
  const text = await readConfigText(path);
  return parseConfigText(text, { file: path, ...(options.env === undefined ? {} : { env: options.env }) });
}

/**
 * Reads, parses, expands and validates a config file in one step, with
 * relative paths resolved against the file's directory. The registry must
 * already hold every component type the file uses: to load the file's
 * `plugins` first, use {@link readConfigFile}, register them, then
 * `resolveConfig` (as the agent does).
 *
 * @throws {ConfigError} when the file cannot be read, is larger than `CONFIG_LIMITS.maxBytes`, or is not valid.
 * @example
 * ```ts
 * const config = await loadConfig('jackwatch.yaml', registry);
 * for (const warning of config.warnings) logger.warn(formatConfigIssue(warning));
 * ```
 */
export async function loadConfig(file: string, registry: ComponentRegistry, options: LoadConfigOptions = {}): Promise<JackwatchConfig> {
  return resolveConfig(await readConfigFile(file, options), registry);
}
