import { dirname, resolve } from 'node:path';
import { type ComponentRegistry, ConfigError } from '@jackwatch/core';
import { type ConfigIssue, type JackwatchConfig, type ParsedConfigDocument, readConfigFile, resolveConfig } from '@jackwatch/core/config';
import { loadPlugins, type LoadedPlugin } from './plugins/load-plugins.ts';
import { PluginLoadError } from './plugins/plugin-load-error.ts';
import { checkTelemetryConfig } from './telemetry/check-telemetry-config.ts';

/** A config file read, expanded and validated against a registry. */
export interface AgentConfig {
  readonly parsed: ParsedConfigDocument;
  readonly config: JackwatchConfig;
  /** The plugins named under `plugins:`, loaded into the registry. */
  readonly plugins: readonly LoadedPlugin[];
}

/**
 * Reads the config file, loads the plugins it names under `plugins:` into
 * `registry` (resolved from the file's directory), then validates the whole
 * config against the registry. Throws `ConfigError`: file, path and line of
 * every problem, a plugin that cannot be loaded included, or the file when
 * it cannot be read or is too large.
 */
export async function loadAgentConfig(file: string, registry: ComponentRegistry, env: NodeJS.ProcessEnv = process.env): Promise<AgentConfig> {
  const parsed = await readConfigFile(file, { env });
  const plugins = await loadConfigPlugins(parsed, registry);
  const config = resolveConfig(parsed, registry, { baseDir: dirname(resolve(file)) });
  checkTelemetryConfig(config, parsed);
  return { parsed, plugins, config };
}

/**
 * Loads the plugins a parsed config names into `registry`, resolved from the
 * config file's directory. A plugin that fails becomes a `ConfigError` issue
 * at its line in `plugins:`.
 */
export async function loadConfigPlugins(parsed: ParsedConfigDocument, registry: ComponentRegistry): Promise<LoadedPlugin[]> {
  const baseDir = parsed.file === undefined ? process.cwd() : dirname(resolve(parsed.file));
  try {
    return await loadPlugins(parsed.plugins, registry, { baseDir });
  } catch (error) {
    if (!(error instanceof PluginLoadError)) throw error;
    throw new ConfigError(
      error.failures.map((failure): ConfigIssue => {
        const position = parsed.locate?.(['plugins', failure.index]);
        return { file: parsed.file, path: ['plugins', failure.index], line: position?.line, column: position?.column, message: failure.message };
      }),
    );
  }
}
