import { pathToFileURL } from 'node:url';
import { PluginError, registerPlugin, validatePluginManifest, type ComponentRegistry, type PluginManifest } from '@jackwatch/core';
import { checkCorePeer } from './check-core-peer.ts';
import { activeConditions } from './node-conditions.ts';
import { PluginLoadError, type PluginFailure } from './plugin-load-error.ts';
import { resolvePlugin } from './resolve-plugin.ts';

/** A plugin loaded into a registry. */
export interface LoadedPlugin {
  /** The `plugins:` entry as written. */
  readonly specifier: string;
  /** The module that was imported. */
  readonly file: string;
  readonly manifest: PluginManifest;
}

/** Options of {@link loadPlugins}. */
export interface LoadPluginsOptions {
  /** Where package names and relative paths are resolved from: the config file's directory. */
  readonly baseDir: string;
  /** Export conditions (default: those of this process, see `activeConditions`). */
  readonly conditions?: ReadonlySet<string>;
}

/**
 * Loads the plugins a config names, in order, into `registry`: resolves each
 * entry from `baseDir`, imports its module, validates its manifest (the API
 * version first) and registers its components. Only the modules named are
 * imported. Every entry is tried; failures are collected.
 *
 * @throws {PluginLoadError} with one message per failed entry, each naming
 * the plugin: not found, made for another core release (its peer range),
 * import failed, no manifest, invalid manifest, unsupported API version, a type registered twice, listed twice.
 */
export async function loadPlugins(entries: readonly string[], registry: ComponentRegistry, options: LoadPluginsOptions): Promise<LoadedPlugin[]> {
  const conditions = options.conditions ?? activeConditions();
  const loaded: LoadedPlugin[] = [];
  const failures: PluginFailure[] = [];
  for (const [index, specifier] of entries.entries()) {
    try {
      if (entries.indexOf(specifier) !== index) throw new PluginError(specifier, `is listed twice in plugins (entries ${entries.indexOf(specifier) + 1} and ${index + 1})`);
      const plugin = await loadPlugin(specifier, options.baseDir, conditions);
      const twin = loaded.find((p) => p.manifest.name === plugin.manifest.name);
      if (twin) throw new PluginError(specifier, `is the same plugin (${plugin.manifest.name}) as "${twin.specifier}"; list it once`);
      registerPlugin(registry, plugin.manifest);
      loaded.push(plugin);
    } catch (error) {
      const message = error instanceof PluginError ? error.message : `plugin "${specifier}": ${error instanceof Error ? error.message : String(error)}`;
      failures.push({ index, plugin: specifier, message });
    }
  }
  if (failures.length > 0) throw new PluginLoadError(failures);
  return loaded;
}

async function loadPlugin(specifier: string, baseDir: string, conditions: ReadonlySet<string>): Promise<LoadedPlugin> {
  const resolved = resolvePlugin(specifier, baseDir, conditions);
  if (typeof resolved === 'string') throw new PluginError(specifier, resolved);
  checkCorePeer(specifier, resolved.corePeerRange);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolved.file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginError(specifier, `importing ${resolved.file} failed: ${importFailure(error)}`, { cause: error });
  }
  const exported = module['default'] ?? module['plugin'];
  if (exported === undefined) {
    const names = Object.keys(module).join(', ') || 'nothing';
    throw new PluginError(specifier, `${resolved.file} exports no plugin manifest: expected \`export default definePlugin({ … })\` (or a named export \`plugin\`); it exports ${names}`);
  }
  const manifest = validatePluginManifest(exported, { plugin: specifier, expectedName: resolved.expectedName });
  return { specifier, file: resolved.file, manifest };
}

function importFailure(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING' || code === 'ERR_UNKNOWN_FILE_EXTENSION') {
    return `${message} (an installed plugin must ship JavaScript: build it before packing)`;
  }
  return message;
}
