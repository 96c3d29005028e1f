import { existsSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { parsePluginSpecifier } from './plugin-specifier.ts';
import { resolvePackageEntry } from './resolve-package-entry.ts';

/** Where a `plugins:` entry was found. */
export interface ResolvedPlugin {
  /** The entry as the config writes it. */
  readonly specifier: string;
  /** The module to import. */
  readonly file: string;
  /** The package name the manifest must carry: the npm name for a package, else `undefined` (any name). */
  readonly expectedName: string | undefined;
  /** package.json `version`, if any. */
  readonly version: string | undefined;
  /** The package's `peerDependencies` range for `@jackwatch/core`, if it declares one. */
  readonly corePeerRange: string | undefined;
}

/**
 * Resolves a `plugins:` entry from `baseDir` (the config file's directory):
 * a package name in the nearest `node_modules/<name>` walking up from there
 * (as Node resolves `import`), or a local path to a package directory or a
 * module file. Nothing is imported here.
 *
 * @returns the plugin's entry module, or a message saying why it was not found.
 */
export function resolvePlugin(specifier: string, baseDir: string, conditions: ReadonlySet<string>): ResolvedPlugin | string {
  const parsed = parsePluginSpecifier(specifier, baseDir);
  if (typeof parsed === 'string') return parsed;
  if (parsed.kind === 'path') {
    if (!existsSync(parsed.path)) return `no file or directory at ${parsed.path}`;
    if (statSync(parsed.path).isFile()) return { specifier, file: parsed.path, expectedName: undefined, version: undefined, corePeerRange: undefined };
    const entry = resolvePackageEntry(parsed.path, conditions);
    return typeof entry === 'string' ? entry : { specifier, file: entry.file, expectedName: undefined, version: entry.version, corePeerRange: entry.corePeerRange };
  }
  const searched: string[] = [];
  for (let dir = baseDir; ; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    searched.push(modules);
    const packageDir = join(modules, parsed.name);
    if (existsSync(join(packageDir, 'package.json'))) {
      const entry = resolvePackageEntry(packageDir, conditions);
      return typeof entry === 'string' ? entry : { specifier, file: entry.file, expectedName: parsed.name, version: entry.version, corePeerRange: entry.corePeerRange };
    }
    if (dir === parse(dir).root) break;
  }
  return `package not found: install it next to the config (npm install ${parsed.name}); looked in ${searched.slice(0, 3).join(', ')}${searched.length > 3 ? ` and ${searched.length - 3} more up to /` : ''}`;
}
