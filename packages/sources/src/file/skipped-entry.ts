import type { Dirent, Stats } from 'node:fs';

/**
 * Why an entry found under `paths` is not read: a named pipe (opening it
 * would block for good), a socket, a device, a directory where a file was
 * named, an empty file (no CloudTrail file is), a symbolic link to nothing
 * or into a loop, or one that cannot be read (permissions, I/O).
 */
export type SkipReason = 'fifo' | 'socket' | 'device' | 'directory' | 'unknown-type' | 'empty' | 'broken-link' | 'link-loop' | 'unreadable';

/** An entry that matched `paths` (and `include`) but is not read, and why. */
export interface SkippedEntry {
  readonly path: string;
  readonly reason: SkipReason;
  /** More on the reason: where a broken link points, the error behind `unreadable`. */
  readonly detail?: string;
}

const DESCRIPTIONS: Readonly<Record<SkipReason, string>> = {
  fifo: 'a named pipe (FIFO), never opened: reading it would wait for a writer for good',
  socket: 'a socket, not a file',
  device: 'a device, not a file',
  directory: 'a directory where a file was expected',
  'unknown-type': 'not a regular file',
  empty: 'an empty file (0 bytes): no CloudTrail file is; read once it has content',
  'broken-link': 'a symbolic link to nothing',
  'link-loop': 'a symbolic link that loops',
  unreadable: 'cannot be read',
};

/** The entry and why it is skipped, in words: `/logs/x.json: a socket, not a file`. */
export function describeSkip(entry: SkippedEntry): string {
  return `${entry.path}: ${DESCRIPTIONS[entry.reason]}${entry.detail === undefined ? '' : ` (${entry.detail})`}`;
}

/** The reason to skip an entry that is not a regular file, from its type. */
export function typeReason(entry: Dirent | Stats): SkipReason {
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'device';
  if (entry.isDirectory()) return 'directory';
  return 'unknown-type';
}

/** An error's code and words without the path it repeats: `EACCES: permission denied`. */
export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (error as NodeJS.ErrnoException | undefined)?.code === undefined ? message : message.replace(/, \w+ '.*'$/s, '');
}

/** The reason to skip an entry whose `stat` (which follows links) failed. */
export function statErrorReason(error: unknown, isLink: boolean): SkipReason {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') return 'link-loop';
  if (isLink && (code === 'ENOENT' || code === 'ENOTDIR')) return 'broken-link';
  return 'unreadable';
}
