import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { globPatternProblem, splitGlobRoot } from '@jackwatch/core';
import { errorMessage } from './read-error-reason.ts';

/**
 * One entry of `paths`, resolved: a single file (read whatever its name;
 * anything but a directory counts, and a named pipe, socket or device is
 * reported as skipped at each listing, never opened), a
 * directory (walked recursively, files filtered by `include`), or a glob
 * (`pattern` matched under the directory `path`).
 */
export type PathRoot =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'glob'; readonly path: string; readonly pattern: string };

/**
 * Resolves `paths` against `baseDir` and checks that each exists and can be
 * read: a file, a directory, or a glob whose fixed leading directory exists
 * (the glob itself may match nothing yet). Throws an `Error` naming the entry.
 */
export async function resolvePathRoots(paths: readonly string[], baseDir: string, componentId: string): Promise<PathRoot[]> {
  const roots: PathRoot[] = [];
  for (const [i, entry] of paths.entries()) {
    try {
      roots.push(await resolvePathRoot(resolve(baseDir, entry)));
    } catch (error) {
      throw new Error(`${componentId}: paths[${i}] "${entry}" ${errorMessage(error)}`);
    }
  }
  return roots;
}

async function resolvePathRoot(absolute: string): Promise<PathRoot> {
  const glob = splitGlobRoot(absolute);
  if (glob !== undefined) {
    const problem = globPatternProblem(glob.pattern);
    if (problem !== undefined) throw new Error(`is not a usable glob: ${problem}`);
    const info = await stat(glob.base).catch(() => undefined);
    if (info?.isDirectory() !== true) throw new Error(`cannot match anything: its directory ${glob.base} does not exist`);
    await readable(glob.base, true);
    return { kind: 'glob', path: glob.base, pattern: glob.pattern };
  }
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `does not exist (resolved to ${absolute})` : `cannot be read: ${error.message}`);
  });
  if (info.isDirectory()) {
    await readable(absolute, true);
    return { kind: 'directory', path: absolute };
  }
  // Not a directory: a file root, even a named pipe or a socket, which every listing then reports as skipped (never opened).
  await readable(absolute, false);
  return { kind: 'file', path: absolute };
}

async function readable(path: string, directory: boolean): Promise<void> {
  await access(path, directory ? constants.R_OK | constants.X_OK : constants.R_OK).catch((error: Error) => {
    throw new Error(`cannot be read: ${error.message}`);
  });
}
