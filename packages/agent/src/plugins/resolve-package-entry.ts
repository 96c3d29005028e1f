import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { resolveExportsTarget } from './resolve-exports.ts';

/** A package's entry module, found from its directory. */
export interface PackageEntry {
  /** Absolute path of the module to import. */
  readonly file: string;
  /** `name` from package.json, if any. */
  readonly name: string | undefined;
  readonly version: string | undefined;
  /** `peerDependencies["@jackwatch/core"]`: the core releases the package says it works with. */
  readonly corePeerRange: string | undefined;
}

type PackageFacts = Omit<PackageEntry, 'file'>;

const TYPESCRIPT = /\.[cm]?ts$/;

/**
 * Finds the module a package directory exports as its main entry: `exports`
 * (`"."`, with the conditions given), else `main`, else `index.js`. Inside
 * node_modules a TypeScript target is skipped (Node refuses to run it there;
 * published plugins ship built JavaScript).
 *
 * @returns the entry, or a message saying what is wrong (no package.json,
 * nothing exported, the target does not exist — not built?).
 */
export function resolvePackageEntry(packageDir: string, conditions: ReadonlySet<string>): PackageEntry | string {
  const manifestFile = join(packageDir, 'package.json');
  let pkg: { name?: unknown; version?: unknown; exports?: unknown; main?: unknown; peerDependencies?: Record<string, unknown> };
  try {
    pkg = JSON.parse(readFileSync(manifestFile, 'utf8')) as typeof pkg;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return resolveIndex(packageDir, { name: undefined, version: undefined, corePeerRange: undefined });
    return `cannot read ${manifestFile}: ${(error as Error).message}`;
  }
  const range = pkg.peerDependencies?.['@jackwatch/core'];
  const facts: PackageFacts = {
    name: typeof pkg.name === 'string' ? pkg.name : undefined,
    version: typeof pkg.version === 'string' ? pkg.version : undefined,
    corePeerRange: typeof range === 'string' ? range : undefined,
  };
  const installed = realpathSync(packageDir).split(sep).includes('node_modules');
  if (pkg.exports !== undefined && pkg.exports !== null) {
    const target = resolveExportsTarget(pkg.exports, conditions, (t) => !(installed && TYPESCRIPT.test(t)));
    if (target === undefined) {
      const typescript = installed ? resolveExportsTarget(pkg.exports, conditions) : undefined;
      if (typescript !== undefined) {
        return `${manifestFile} exports only TypeScript (${typescript}), which Node does not run inside node_modules: a published plugin must ship built JavaScript (build it before packing)`;
      }
      return `${manifestFile} "exports" has no "." entry for the conditions ${[...conditions].join(', ')}`;
    }
    if (!target.startsWith('./')) return `${manifestFile} "exports" points to "${target}", which does not start with "./"`;
    return existing(resolve(packageDir, target), facts, `"exports" of ${manifestFile}`);
  }
  if (typeof pkg.main === 'string' && pkg.main !== '') {
    return existing(resolve(packageDir, pkg.main), facts, `"main" of ${manifestFile}`);
  }
  return resolveIndex(packageDir, facts);
}

function resolveIndex(packageDir: string, facts: PackageFacts): PackageEntry | string {
  for (const candidate of ['index.js', 'index.mjs']) {
    const file = join(packageDir, candidate);
    if (existsSync(file)) return { file, ...facts };
  }
  return `${packageDir} has no package.json "exports" or "main", and no index.js`;
}

function existing(file: string, facts: PackageFacts, from: string): PackageEntry | string {
  if (!existsSync(file)) return `${from} names ${file}, which does not exist (is the package built?)`;
  if (statSync(file).isDirectory()) return `${from} names ${file}, which is a directory, not a module`;
  return { file, ...facts };
}
