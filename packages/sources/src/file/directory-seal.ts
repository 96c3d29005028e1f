/**
 * A directory's modification and status-change times, and its inode. Adding,
 * removing or renaming an entry changes both times; a directory put in the
 * place of another (holding files older than its seal) has another inode.
 */
export interface DirectoryStamp {
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** A sealed directory: its stamp when sealed, and how many files it held then (all read). */
export interface DirectorySeal extends DirectoryStamp {
  readonly files: number;
}

/**
 * How much older than a listing a directory's stamp must be before it can be
 * sealed. It covers an entry added in the same timestamp tick the listing
 * read (file systems keep times at 1 ns to 2 s granularity), and a network
 * file system's clock running behind this host's.
 */
export const SEAL_SLACK_MS = 10_000;

/** True when `a` and `b` are the same stamp: a sealed directory with the same stamp has the same entries. */
export function sameStamp(a: DirectoryStamp, b: DirectoryStamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/**
 * True when a directory stat'ed (before it was listed) with `stamp` by a
 * listing that began at `listedAt` can no longer have changed unseen: its
 * times are older than the listing by more than {@link SEAL_SLACK_MS}, so any
 * later change stamps it anew.
 */
export function isSettled(stamp: DirectoryStamp, listedAt: number): boolean {
  return Math.max(stamp.mtimeMs, stamp.ctimeMs) < listedAt - SEAL_SLACK_MS;
}

/**
 * True when a file whose status changed last at `fileCtimeMs` was in its
 * directory, as it is now, when the directory was sealed with `seal`: it is
 * done. Creating, writing, renaming and linking a file all change its ctime
 * (which, unlike its mtime, no copy tool can set back), and a seal is made
 * only when its stamp is older than its listing by {@link SEAL_SLACK_MS}, so
 * a file that came or changed after that listing is newer than the stamp.
 */
export function sealCovers(seal: DirectoryStamp, fileCtimeMs: number): boolean {
  return fileCtimeMs <= Math.max(seal.mtimeMs, seal.ctimeMs);
}

/** The directory part of an absolute `/`-separated path, as the walk builds them. */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}
