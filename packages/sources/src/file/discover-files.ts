import { realpath, stat } from 'node:fs/promises';
import type { DirectoryStamp } from './directory-seal.ts';
import type { PathRoot } from './path-roots.ts';
import { treeMatcher } from './tree-matcher.ts';
import { toTreePattern } from './tree-pattern.ts';
import { TreeWalk, type DirectoryVisit, type WalkResult } from './walk-tree.ts';

/**
 * The files found under the configured paths; `complete` is false when part
 * of a listing failed. `paths` leaves out the files of sealed directories
 * found unchanged (`sealed`); see {@link WalkResult} for the directories.
 */
export type Listing = WalkResult;

/** Which files of a directory are read: `include` and `exclude` glob patterns (see {@link toTreePattern}). */
export interface FileFilters {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/**
 * Lists the files of every root: a file root as itself (whatever its name), a
 * directory recursively through `include` minus `exclude`, a glob through its
 * own pattern minus `exclude` — following symbolic links, each file once (see
 * {@link TreeWalk}), and not listing the directories of `seals` whose stamp
 * is unchanged. A root that cannot be listed is passed to `onError`, never
 * thrown; what cannot be read below a root is in `skipped`.
 */
export async function discoverFiles(
  roots: readonly PathRoot[],
  filters: FileFilters,
  signal: AbortSignal,
  onError: (error: unknown) => void,
  seals: ReadonlyMap<string, DirectoryStamp> = new Map(),
): Promise<Listing> {
  const walk = new TreeWalk(signal, onError, seals);
  const ignore = filters.exclude.map(toTreePattern);
  const directoryMatcher = treeMatcher(filters.include.map(toTreePattern), ignore);
  const directories: DirectoryVisit[] = [];
  for (const [index, root] of roots.entries()) {
    if (signal.aborted) break;
    if (root.kind === 'file') {
      await walk.addNamedFile(root.path, index);
      continue;
    }
    try {
      // A vanished directory lists as empty: say so, or its files would be forgotten.
      if ((await stat(root.path)).isDirectory() !== true) throw new Error(`${root.path} is no longer a directory`);
      const matcher = root.kind === 'glob' ? treeMatcher([root.pattern], ignore) : directoryMatcher;
      directories.push({ dir: root.path, real: await realpath(root.path), relative: '', links: 0, root: index, matcher });
    } catch (error) {
      walk.rootFailed(error);
    }
  }
  await walk.walk(directories);
  return walk.result();
}
