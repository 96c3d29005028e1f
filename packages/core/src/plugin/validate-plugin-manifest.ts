import type { z } from 'zod';
import { SUPPORTED_PLUGIN_API_VERSIONS } from './plugin-api-version.ts';
import { PluginError } from './plugin-error.ts';
import type { PluginManifest } from './plugin-manifest.ts';
import { pluginManifestSchema } from './plugin-manifest-schema.ts';

/** Options of {@link validatePluginManifest}. */
export interface ValidatePluginOptions {
  /** How the config names the plugin, for messages (default: the manifest's name, else `"unnamed plugin"`). */
  readonly plugin?: string;
  /** The package name the manifest must carry (the name resolved from `plugins:`). */
  readonly expectedName?: string;
  /** The core version, for the API-version message. */
  readonly coreVersion?: string;
}

/**
 * Checks that `value` is a manifest this core can load: the API version
 * first (a plugin for another API may have another shape, so a mismatch is
 * the one error reported), then the shape of the manifest and of each
 * factory, then the name. Returns the manifest typed.
 *
 * @throws {PluginError} naming the plugin, with every problem found.
 * @example
 * ```ts
 * // in a plugin's own test
 * expect(() => validatePluginManifest(plugin, { expectedName: '@acme/jackwatch-x' })).not.toThrow();
 * ```
 */
export function validatePluginManifest(value: unknown, options: ValidatePluginOptions = {}): PluginManifest {
  const declaredName = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
  const plugin = options.plugin ?? (typeof declaredName === 'string' && declaredName !== '' ? declaredName : 'unnamed plugin');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PluginError(plugin, `the manifest must be an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const apiVersion = (value as { apiVersion?: unknown }).apiVersion;
  if (typeof apiVersion === 'number' && Number.isInteger(apiVersion) && !SUPPORTED_PLUGIN_API_VERSIONS.includes(apiVersion)) {
    const core = options.coreVersion === undefined ? 'this @jackwatch/core' : `@jackwatch/core ${options.coreVersion}`;
    const supported = SUPPORTED_PLUGIN_API_VERSIONS.join(', ');
    const advice =
      apiVersion > Math.max(...SUPPORTED_PLUGIN_API_VERSIONS)
        ? 'upgrade jackwatch, or install a release of the plugin written for the older API'
        : 'upgrade the plugin to a release written for the current API';
    throw new PluginError(plugin, `targets plugin API version ${apiVersion}, but ${core} supports version ${supported}; ${advice}`);
  }
  const result = pluginManifestSchema.safeParse(value);
  if (!result.success) {
    throw new PluginError(plugin, `invalid plugin manifest: ${describeIssues(result.error.issues)}`);
  }
  const manifest = value as PluginManifest;
  if (options.expectedName !== undefined && manifest.name !== options.expectedName) {
    throw new PluginError(plugin, `the manifest is named "${manifest.name}", but the package is "${options.expectedName}"; the manifest's name must be the package name`);
  }
  return manifest;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('').replace(/^\./, '');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}
