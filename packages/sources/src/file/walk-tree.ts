import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { parentOf, sameStamp, type DirectoryStamp } from './directory-seal.ts';
import { errorDetail, statErrorReason, typeReason, type SkippedEntry } from './skipped-entry.ts';
import type { TreeMatcher } from './tree-matcher.ts';

/** A directory to walk: where it was reached, where it really is, and how it was reached. */
export interface DirectoryVisit {
  /** The path as reached: below its `paths` entry, through any links. */
  readonly dir: string;
  /** The same directory with every symbolic link resolved. */
  readonly real: string;
  /** Its path below its `paths` entry, `/`-separated; `''` for the entry itself. */
  readonly relative: string;
  /** How many symbolic links were followed below the `paths` entry to reach it. */
  readonly links: number;
  /** The index of its `paths` entry. */
  readonly root: number;
  readonly matcher: TreeMatcher;
}

/** Directories listed at once while walking. */
const CONCURRENCY = 64;

/** The files one walk found, and what it did not read. */
export interface WalkResult {
  /** One path per file, without duplicates. */
  readonly paths: string[];
  /** Entries that match but are not read, each once. */
  readonly skipped: SkippedEntry[];
  /** How many times a file or directory was reached again through another path (a link, a loop, a `paths` entry listed twice). */
  readonly aliases: number;
  /** False when a directory could not be listed: its files are unknown, not gone. */
  readonly complete: boolean;
  /** Sealed directories found with the stamp they were sealed with: not listed, their files left out of `paths`. */
  readonly sealed: ReadonlySet<string>;
  /**
   * Directories reached without a symbolic link that hold nothing but regular
   * files, each with its stamp taken just before it was listed: those that
   * may be sealed once their files are done.
   */
  readonly leaves: ReadonlyMap<string, DirectoryStamp>;
  /** Every directory reached without a symbolic link, listed or sealed. */
  readonly reached: ReadonlySet<string>;
  /**
   * Sealed directories listed again because an entry changed (same inode,
   * another stamp), with their seal: their files older than it were read.
   * A directory with another inode is a new one, whatever its seal said.
   */
  readonly reopened: ReadonlyMap<string, DirectoryStamp>;
}

interface Candidate {
  readonly path: string;
  readonly links: number;
  readonly root: number;
}

/**
 * One listing of the files under `paths`. Symbolic links to files and to
 * directories are followed, yet every file is listed once, by its resolved
 * path, and every directory (by resolved path) is walked once with the same
 * filters, so links, loops and entries listed twice neither duplicate a file
 * nor keep the walk going. A file reached through several paths is listed
 * under the one that follows the fewest links below its `paths` entry, then
 * of the earliest entry, then the first by name: directories reached through
 * links are walked only after every directory reached without. Hard links
 * are distinct names of a file, each listed; so is what a bind mount shows
 * again, under its own path.
 *
 * Entries that match but cannot be read as files — named pipes, sockets,
 * devices, links to nothing or into a loop, directories that cannot be
 * listed — are collected as skipped, never opened.
 *
 * A directory reached without a link is stat'ed before it is listed. One
 * sealed (every file in it read) whose stamp is unchanged is not listed: it
 * counts as walked, and its files — also when reached through a link or
 * named in `paths` — are left out, as they were read already.
 */
export class TreeWalk {
  readonly #signal: AbortSignal;
  readonly #onRootError: (error: unknown) => void;
  readonly #seals: ReadonlyMap<string, DirectoryStamp>;
  readonly #sealed = new Set<string>();
  /** Leaf directories by stamp; `undefined` for one stat'ed twice (under two filters) with different stamps. */
  readonly #leaves = new Map<string, DirectoryStamp | undefined>();
  readonly #reached = new Set<string>();
  readonly #reopened = new Map<string, DirectoryStamp>();
  /** The resolved path of every directory walked, per matcher: one reached twice with the same filters is walked once. */
  readonly #walked = new Map<TreeMatcher, Set<string>>();
  readonly #files = new Map<string, Candidate>();
  readonly #skipped: SkippedEntry[] = [];
  #aliases = 0;
  #complete = true;

  /**
   * @param onRootError told when a `paths` entry itself cannot be listed.
   * @param seals the stamp of every sealed directory, by path.
   */
  constructor(signal: AbortSignal, onRootError: (error: unknown) => void, seals: ReadonlyMap<string, DirectoryStamp> = new Map()) {
    this.#signal = signal;
    this.#onRootError = onRootError;
    this.#seals = seals;
  }

  /** A file named in `paths`: listed whatever its name, unless it is not a regular file. One that cannot be stat'ed is listed, for the planner to report. */
  async addNamedFile(path: string, root: number): Promise<void> {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) this.#offer(path, path, 0, root);
    else if (!info.isFile()) this.#skip({ path, reason: typeReason(info) });
    else this.#offer(await realpath(path).catch(() => path), path, 0, root);
  }

  /** A `paths` entry (a directory or a glob's base) that could not be listed at all. */
  rootFailed(error: unknown): void {
    if (this.#signal.aborted) return;
    this.#complete = false;
    this.#onRootError(error);
  }

  /**
   * Walks `roots` (one visit per directory or glob entry of `paths`, one
   * after the other), then the directories reached through links, level by
   * level; inside each, {@link CONCURRENCY} directories are listed at once.
   */
  async walk(roots: readonly DirectoryVisit[]): Promise<void> {
    let level = roots;
    while (level.length > 0 && !this.#signal.aborted) {
      const throughLinks: DirectoryVisit[] = [];
      for (const visit of level) await this.#walkTree(visit, throughLinks);
      // In a fixed order, so which of two links to one directory is walked does not depend on timing.
      level = throughLinks.sort((a, b) => a.root - b.root || compare(a.dir, b.dir));
    }
  }

  /** What was found. */
  result(): WalkResult {
    const paths: string[] = [];
    for (const [real, candidate] of this.#files) {
      if (this.#sealed.size > 0 && this.#sealed.has(parentOf(real))) this.#aliases++;
      else paths.push(candidate.path);
    }
    const leaves = new Map<string, DirectoryStamp>();
    for (const [dir, stamp] of this.#leaves) if (stamp !== undefined) leaves.set(dir, stamp);
    // A file of a leaf listed under another path (a `paths` entry naming it through a link) is not its
    // directory's to seal: the directory's files must be exactly those listed below it.
    for (const [real, candidate] of this.#files) if (candidate.path !== real) leaves.delete(parentOf(real));
    return {
      paths,
      skipped: this.#skipped.sort((a, b) => compare(a.path, b.path)),
      aliases: this.#aliases,
      complete: this.#complete && !this.#signal.aborted,
      sealed: this.#sealed,
      leaves,
      reached: this.#reached,
      reopened: this.#reopened,
    };
  }

  // Every directory below `start` reached without a link; those reached through one are left to the next level.
  #walkTree(start: DirectoryVisit, throughLinks: DirectoryVisit[]): Promise<void> {
    const queue = [start];
    let active = 0;
    return new Promise((resolve) => {
      const pump = (): void => {
        while (active < CONCURRENCY && queue.length > 0 && !this.#signal.aborted) {
          active++;
          const visit = queue.pop()!;
          void this.#visit(visit, queue, throughLinks)
            .catch((error: unknown) => this.#skip({ path: visit.dir, reason: 'unreadable', detail: errorDetail(error) }))
            .finally(() => {
              active--;
              pump();
            });
        }
        if (active === 0) resolve();
      };
      pump();
    });
  }

  // Lists one directory: its files are offered, its subdirectories queued.
  async #visit(visit: DirectoryVisit, queue: DirectoryVisit[], throughLinks: DirectoryVisit[]): Promise<void> {
    const entries = await this.#list(visit);
    if (entries === undefined) return;
    const resolved = visit.real === visit.dir; // no link on the way: every path below is its own resolved path
    if (resolved && visit.links === 0 && entries.every((entry) => entry.isFile())) this.#noteLeaf(visit.dir, entries.stamp);
    for (const entry of entries) {
      const relative = visit.relative === '' ? entry.name : `${visit.relative}/${entry.name}`;
      const path = child(visit.dir, entry.name);
      if (entry.isDirectory()) {
        if (visit.matcher.mayContain(relative)) queue.push({ ...visit, dir: path, real: resolved ? path : child(visit.real, entry.name), relative });
      } else if (entry.isFile()) {
        if (visit.matcher.matches(relative)) this.#offer(resolved ? path : child(visit.real, entry.name), path, visit.links, visit.root);
      } else if (entry.isSymbolicLink()) {
        await this.#followLink(visit, path, relative, throughLinks);
      } else if (visit.matcher.matches(relative)) {
        this.#skip({ path, reason: typeReason(entry) });
      }
    }
  }

  // The entries of a directory not walked yet, and its stamp when it was reached without a link;
  // `undefined` when it was walked already, is sealed and unchanged, or cannot be listed.
  async #list(visit: DirectoryVisit): Promise<(Dirent[] & { stamp?: DirectoryStamp }) | undefined> {
    const walked = this.#walked.get(visit.matcher) ?? this.#walked.set(visit.matcher, new Set()).get(visit.matcher)!;
    if (walked.has(visit.real)) {
      this.#aliases++;
      return undefined;
    }
    walked.add(visit.real);
    try {
      if (visit.real !== visit.dir || visit.links > 0) return await readdir(visit.dir, { withFileTypes: true });
      // Stat'ed before it is listed: an entry added in between changes the stamp, so it is never sealed unseen.
      const info = await stat(visit.dir);
      const stamp: DirectoryStamp = { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
      this.#reached.add(visit.dir);
      const seal = this.#seals.get(visit.dir);
      if (seal !== undefined && sameStamp(seal, stamp)) {
        this.#sealed.add(visit.dir);
        return undefined;
      }
      if (seal?.ino === stamp.ino) this.#reopened.set(visit.dir, seal);
      return Object.assign(await readdir(visit.dir, { withFileTypes: true }), { stamp });
    } catch (error) {
      if (visit.relative === '' && visit.links === 0) this.rootFailed(error);
      else if (!vanished(error)) {
        this.#complete = false;
        this.#skip({ path: visit.dir, reason: 'unreadable', detail: errorDetail(error) });
      }
      return undefined;
    }
  }

  async #followLink(visit: DirectoryVisit, path: string, relative: string, throughLinks: DirectoryVisit[]): Promise<void> {
    const wanted = visit.matcher.matches(relative);
    const descend = visit.matcher.mayContain(relative);
    if (!wanted && !descend) return;
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        if (descend) throughLinks.push({ ...visit, dir: path, real: await realpath(path), relative, links: visit.links + 1 });
      } else if (!wanted) {
        return;
      } else if (info.isFile()) {
        this.#offer(await realpath(path), path, visit.links + 1, visit.root);
      } else {
        this.#skip({ path, reason: typeReason(info) });
      }
    } catch (error) {
      if (!wanted) return;
      const reason = statErrorReason(error, true);
      const detail = reason === 'broken-link' ? await readlink(path).then((target) => `to ${target}`, errorDetail) : reason === 'unreadable' ? errorDetail(error) : undefined;
      this.#skip(detail === undefined ? { path, reason } : { path, reason, detail });
    }
  }

  // A directory of files only, under every filter it was walked with; stat'ed twice with different stamps, it is not one to seal.
  #noteLeaf(dir: string, stamp: DirectoryStamp | undefined): void {
    if (stamp === undefined) return;
    const known = this.#leaves.get(dir);
    this.#leaves.set(dir, this.#leaves.has(dir) && (known === undefined || !sameStamp(known, stamp)) ? undefined : stamp);
  }

  // Keeps, of every path to one file, the one through the fewest links, then of the earliest `paths` entry, then the first by name.
  #offer(real: string, path: string, links: number, root: number): void {
    const known = this.#files.get(real);
    if (known !== undefined) {
      this.#aliases++;
      if ((links - known.links || root - known.root || compare(path, known.path)) >= 0) return;
    }
    this.#files.set(real, { path, links, root });
  }

  #skip(entry: SkippedEntry): void {
    this.#skipped.push(entry);
  }
}

function vanished(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// `join` for a name read from the directory: no `.` or `..` to normalize, and far cheaper per entry.
function child(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}
