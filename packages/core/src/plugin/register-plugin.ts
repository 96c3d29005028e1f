import type { ComponentRegistry } from '../registry/component-registry.ts';
import { PluginError } from './plugin-error.ts';
import type { PluginManifest } from './plugin-manifest.ts';

/**
 * Registers every component of a validated manifest, all or nothing: when
 * one of its types is already registered (by another plugin or a
 * first-party package) or listed twice in the manifest, nothing is
 * registered and the error names both owners. Each registration's origin is
 * `name@version`, as `jackwatch components` shows it.
 *
 * @throws {PluginError}
 * @example
 * ```ts
 * const registry = new ComponentRegistry();
 * registerPlugin(registry, validatePluginManifest(module.default, { expectedName: '@acme/jackwatch-x' }));
 * ```
 */
export function registerPlugin(registry: ComponentRegistry, manifest: PluginManifest): void {
  const origin = `${manifest.name}@${manifest.version}`;
  const seen = new Set<string>();
  for (const factory of manifest.components) {
    const key = `${factory.kind}\u0000${factory.type}`;
    if (seen.has(key)) throw new PluginError(manifest.name, `registers ${factory.kind} type "${factory.type}" twice`);
    seen.add(key);
    if (registry.get(factory.kind, factory.type) !== undefined) {
      const owner = registry.list(factory.kind).find((r) => r.factory.type === factory.type)?.origin ?? 'another plugin';
      throw new PluginError(
        manifest.name,
        `${factory.kind} type "${factory.type}" is already registered by ${owner}; two plugins cannot register the same type (remove one of them from plugins:)`,
      );
    }
  }
  for (const factory of manifest.components) registry.register(factory, origin);
}
