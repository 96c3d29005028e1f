/**
 * A plugin could not be loaded or registered: not found, no manifest, an
 * invalid manifest, an unsupported API version, or a component type another
 * plugin already registered. The message names the plugin and says what to
 * do; `plugin` is the name or specifier from config.
 */
export class PluginError extends Error {
  override readonly name = 'PluginError';
  /** The plugin as the config names it (package name or path), or its manifest name. */
  readonly plugin: string;

  constructor(plugin: string, message: string, options?: ErrorOptions) {
    super(`plugin "${plugin}": ${message}`, options);
    this.plugin = plugin;
  }
}
