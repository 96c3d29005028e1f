import { ComponentRegistry, registerPlugin, validatePluginManifest } from '@jackwatch/core';
import { firstPartyPlugins } from './plugins/first-party-plugins.ts';

/**
 * A registry holding every first-party component: the agent's default
 * distribution. The first-party packages are registered as plugins, through
 * the same manifest validation and registration as third-party ones.
 */
export function createDefaultRegistry(): ComponentRegistry {
  const registry = new ComponentRegistry();
  for (const plugin of firstPartyPlugins) registerPlugin(registry, validatePluginManifest(plugin));
  return registry;
}
