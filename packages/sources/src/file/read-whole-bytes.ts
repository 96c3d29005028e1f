import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { FileStamp } from './file-chunk.ts';
import { isLineFileName } from './file-kind.ts';
import { plannedInflatedSize } from './gzip-trailer.ts';
import { errorMessage } from './read-error-reason.ts';

/** A file read whole into memory, or why it is not: too large or appendable (stream it), or unreadable. */
export type WholeBytes =
  | { readonly kind: 'bytes'; readonly bytes: Buffer; readonly stamp: FileStamp }
  | { readonly kind: 'stream' }
  | { readonly kind: 'unreadable'; readonly message: string };

/**
 * Reads a file whole, synchronously, into `scratch.buffer` (reused, grown as
 * needed: whoever decodes the bytes must copy what it keeps) when it is at
 * most `maxWholeFileSize` — gzipped, once inflated, by its trailer — and is
 * not appendable NDJSON, as `readInputFile` decides.
 */
export function readWholeBytesSync(path: string, maxWholeFileSize: number, scratch: { buffer: Buffer }): WholeBytes {
  let fd: number | undefined;
  try {
    // Non-blocking: a file swapped for a named pipe since it was listed would block this thread for good in a plain open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > maxWholeFileSize) return { kind: 'stream' };
    if (scratch.buffer.length < stat.size) scratch.buffer = Buffer.allocUnsafe(Math.max(stat.size, 2 * scratch.buffer.length));
    let filled = 0;
    while (filled < stat.size) {
      const read = readSync(fd, scratch.buffer, filled, stat.size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return classify(path, scratch.buffer.subarray(0, filled), { size: stat.size, mtimeMs: stat.mtimeMs }, maxWholeFileSize);
  } catch (error) {
    return { kind: 'unreadable', message: `cannot read ${path}: ${errorMessage(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function classify(path: string, bytes: Buffer, stamp: FileStamp, maxWholeFileSize: number): WholeBytes {
  const gzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzip && isLineFileName(path)) return { kind: 'stream' };
  if (gzip && inflatedSize(bytes) > maxWholeFileSize) return { kind: 'stream' };
  return { kind: 'bytes', bytes, stamp };
}

// As read-input-file.ts: the trailer's size, or infinity when it cannot be the real one.
function inflatedSize(bytes: Buffer): number {
  if (bytes.length < 18) return 0;
  return plannedInflatedSize(bytes.readUInt32LE(bytes.length - 4), bytes.length);
}
