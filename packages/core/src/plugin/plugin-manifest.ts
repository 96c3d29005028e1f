import type { AnyFactory } from '../component/factory.ts';

/**
 * What a plugin package's entry module exports (as its default export, or
 * as a named export `plugin`): who it is, which plugin API it targets, and
 * the component factories it registers. First-party packages register
 * through this same manifest.
 *
 * @example
 * ```ts
 * export default definePlugin({
 *   name: '@acme/jackwatch-bedrock-new-origin',
 *   version: '0.1.0',
 *   apiVersion: 1,
 *   components: [newOriginFactory],
 * });
 * ```
 */
export interface PluginManifest {
  /** The npm package name; for a package named in `plugins:` it must be that name. */
  readonly name: string;
  /** The package version (semantic version), shown by `jackwatch components`. */
  readonly version: string;
  /** The plugin API version the plugin was written for, as a literal (see `PLUGIN_API_VERSION`). */
  readonly apiVersion: number;
  /** One line about the plugin. */
  readonly description?: string;
  /** The factories to register: detectors, and also sources, processors and sinks. At least one. */
  readonly components: readonly AnyFactory[];
}
