import { readFile } from 'node:fs/promises';
import type { ComponentRegistry } from '../registry/component-registry.ts';
import { ConfigError } from './config-error.ts';
import type { ConfigEnvironment } from './env-expansion.ts';
import type { JackwatchConfig } from './jackwatch-config.ts';
import { parseConfigText } from './parse-config-text.ts';
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
 * @throws {ConfigError} when the file cannot be read or is not valid.
 * @example
 * ```ts
 * const config = await loadConfig('jackwatch.yaml', registry);
 * for (const warning of config.warnings) logger.warn(formatConfigIssue(warning));
 * ```
 */
export async function loadConfig(file: string, registry: ComponentRegistry, options: LoadConfigOptions = {}): Promise<JackwatchConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new ConfigError([{ file, path: [], line: undefined, column: undefined, message: `cannot read the config file: ${reason}` }]);
  }
  const parsed = parseConfigText(text, { file, ...(options.env === undefined ? {} : { env: options.env }) });
  return resolveConfig(parsed, registry);
}
