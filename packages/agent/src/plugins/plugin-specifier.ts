import { isAbsolute, resolve } from 'node:path';

// npm package names: optional scope, then a name; no path segments, no "..".
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;

/** How a `plugins:` entry names its plugin. */
export type PluginSpecifier =
  | { readonly kind: 'package'; readonly name: string }
  | { readonly kind: 'path'; readonly path: string };

/**
 * Reads a `plugins:` entry: a local path (`./my-plugin`, `../x`, absolute;
 * resolved against `baseDir`) for development, or an npm package name
 * (`@acme/jackwatch-x`). Anything else (a subpath such as `pkg/lib`, a URL,
 * a `..` inside a name) is refused, so that a plugin is always a whole
 * package or a path the config spells out.
 *
 * @returns the specifier, or a message saying why the entry is not one.
 */
export function parsePluginSpecifier(entry: string, baseDir: string): PluginSpecifier | string {
  if (entry.startsWith('./') || entry.startsWith('../') || entry === '.' || entry === '..' || isAbsolute(entry)) {
    return { kind: 'path', path: resolve(baseDir, entry) };
  }
  if (PACKAGE_NAME.test(entry)) return { kind: 'package', name: entry };
  return `"${entry}" is neither an npm package name (like @acme/jackwatch-detectors) nor a local path (starting with ./, ../ or /)`;
}
