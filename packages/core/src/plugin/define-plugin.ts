import type { PluginManifest } from './plugin-manifest.ts';

/**
 * Declares a plugin: returns the manifest frozen, typed as written. It does
 * not validate (the loader does, with messages that name the plugin; call
 * `validatePluginManifest` in the plugin's own tests to fail early).
 *
 * @example
 * ```ts
 * import { definePlugin } from '@jackwatch/core';
 * export default definePlugin({ name: '@acme/jackwatch-x', version: '1.2.0', apiVersion: 1, components: [xFactory] });
 * ```
 */
export function definePlugin<const Manifest extends PluginManifest>(manifest: Manifest): Manifest {
  return Object.freeze(manifest);
}
