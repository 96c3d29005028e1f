import { ComponentRegistry } from '@jackwatch/core';
import { bedrockDetectors } from '@jackwatch/detectors';
import { builtInSinks } from '@jackwatch/sinks';
import { builtInSources } from '@jackwatch/sources';

/** A registry holding every first-party component: the agent's default distribution. */
export function createDefaultRegistry(): ComponentRegistry {
  const registry = new ComponentRegistry();
  for (const factory of builtInSources) registry.register(factory, '@jackwatch/sources');
  for (const factory of bedrockDetectors) registry.register(factory, '@jackwatch/detectors');
  for (const factory of builtInSinks) registry.register(factory, '@jackwatch/sinks');
  return registry;
}
