import { stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import type { PathRoot } from './path-roots.ts';

/** The files found under the configured paths; `complete` is false when part of a listing failed. */
export interface Listing {
  /** Absolute paths, without duplicates. */
  readonly paths: string[];
  readonly complete: boolean;
}

/** Which files of a directory are read: `include` and `exclude` glob patterns (see {@link toTreePattern}). */
export interface FileFilters {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/**
 * A pattern without `/` matches a file's name at any depth (`*.json.gz`);
 * one with `/` matches the path relative to the `paths` entry
 * (`CloudTrail/us-east-1/**`).
 */
export function toTreePattern(pattern: string): string {
  return pattern.includes('/') ? pattern : `**/${pattern}`;
}

/**
 * Lists the files of every root: a file root as itself (whatever its name), a
 * directory recursively through `include` minus `exclude`, a glob through its
 * own pattern minus `exclude`. Errors are passed to `onError`, never thrown.
 */
export async function discoverFiles(roots: readonly PathRoot[], filters: FileFilters, signal: AbortSignal, onError: (error: unknown) => void): Promise<Listing> {
  const found = new Set<string>();
  let complete = true;
  const ignore = filters.exclude.map(toTreePattern);
  for (const root of roots) {
    if (root.kind === 'file') {
      found.add(root.path);
      continue;
    }
    const patterns = root.kind === 'glob' ? [root.pattern] : filters.include.map(toTreePattern);
    try {
      // A vanished directory lists as empty: say so, or its files would be forgotten.
      if ((await stat(root.path)).isDirectory() !== true) throw new Error(`${root.path} is no longer a directory`);
      for (const path of await glob(patterns, { cwd: root.path, ignore, absolute: true, onlyFiles: true, expandDirectories: false, signal })) {
        found.add(path);
      }
    } catch (error) {
      if (signal.aborted) break;
      complete = false;
      onError(error);
    }
  }
  return { paths: [...found], complete: complete && !signal.aborted };
}
