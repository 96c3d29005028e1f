import type { FileProgress, FileStamp } from './file-chunk.ts';
import type { FilePosition } from './file-ledger.ts';

/**
 * Where to read a file given what is known of it:
 * - `'done'`: nothing new (read to the end, same size and modification time);
 * - a {@link FileProgress}: continue there — an appendable NDJSON file from
 *   its byte offset when it did not shrink, any other unchanged file from
 *   the first record not yet delivered;
 * - `undefined`: from the beginning (never read, or replaced since).
 */
export function resumePoint(known: FilePosition | undefined, current: FileStamp, appendable: boolean): FileProgress | 'done' | undefined {
  if (known === undefined) return undefined;
  const unchanged = known.size === current.size && known.mtimeMs === current.mtimeMs;
  if (known.done && unchanged) return 'done';
  if (appendable && known.offset !== undefined && current.size >= known.offset) return { next: known.next, offset: known.offset };
  return unchanged ? { next: known.next } : undefined;
}
