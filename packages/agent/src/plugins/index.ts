export { loadPlugins } from './load-plugins.ts';
export type { LoadedPlugin, LoadPluginsOptions } from './load-plugins.ts';
export { PluginLoadError } from './plugin-load-error.ts';
export type { PluginFailure } from './plugin-load-error.ts';
export { resolvePlugin } from './resolve-plugin.ts';
export type { ResolvedPlugin } from './resolve-plugin.ts';
export { activeConditions } from './node-conditions.ts';
export { firstPartyPlugins } from './first-party-plugins.ts';
