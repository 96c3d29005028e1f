import { CORE_VERSION, PluginError } from '@jackwatch/core';
import semver from 'semver';

/**
 * Refuses a plugin package whose `peerDependencies` range for
 * `@jackwatch/core` leaves out the core this agent runs: the plugin was
 * built against another release, and its author says it may not work with
 * this one (the API version alone only catches a changed contract). A
 * package without the range, or a plain module file, is not checked.
 *
 * @throws {PluginError} naming the range and the running version.
 */
export function checkCorePeer(specifier: string, range: string | undefined, coreVersion: string = CORE_VERSION): void {
  if (range === undefined) return;
  if (semver.validRange(range) === null) throw new PluginError(specifier, `declares a peer range for @jackwatch/core that is not a semver range: "${range}"`);
  if (!semver.satisfies(coreVersion, range, { includePrerelease: true })) {
    throw new PluginError(specifier, `needs @jackwatch/core ${range} (its peerDependencies), but this agent runs ${coreVersion}: install a release of the plugin made for this agent, or an agent the plugin supports`);
  }
}
