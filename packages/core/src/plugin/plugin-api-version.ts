/**
 * The plugin API version this `@jackwatch/core` implements. It changes only
 * when the contract a plugin codes against changes incompatibly: the
 * manifest, the factory shape, the component interfaces or the context.
 * Additions that old plugins cannot notice do not change it.
 *
 * A plugin states the version it was written for as a literal number in its
 * manifest (`apiVersion: 1`), never by reading this constant: at run time a
 * plugin imports the agent's core (a peer dependency), so the constant would
 * always agree with itself.
 */
export const PLUGIN_API_VERSION = 1;

/** Every plugin API version this core can load (today only {@link PLUGIN_API_VERSION}). */
export const SUPPORTED_PLUGIN_API_VERSIONS: readonly number[] = [PLUGIN_API_VERSION];
