import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileStamp } from './file-chunk.ts';
import { isLineFileName } from './file-kind.ts';
import { errorMessage } from './read-error-reason.ts';

/** A file read whole into memory, or why it is not: too large or appendable (stream it), or unreadable. */
export type WholeBytes =
  | { readonly kind: 'bytes'; readonly bytes: Buffer; readonly stamp: FileStamp }
  | { readonly kind: 'stream' }
  | { readonly kind: 'unreadable'; readonly message: string };

/**
 * Reads a file whole when it is at most `maxWholeFileSize` — gzipped, once
 * inflated, by its trailer — and is not appendable NDJSON, as
 * `readInputFile` decides; on the libuv thread pool, so several files can be
 * read ahead while this thread decodes.
 */
export async function readWholeBytes(path: string, maxWholeFileSize: number): Promise<WholeBytes> {
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error('not a regular file');
      if (stat.size > maxWholeFileSize) return { kind: 'stream' };
      const buffer = Buffer.allocUnsafe(stat.size);
      let filled = 0;
      while (filled < stat.size) {
        const { bytesRead } = await handle.read(buffer, filled, stat.size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return classify(path, buffer.subarray(0, filled), { size: stat.size, mtimeMs: stat.mtimeMs }, maxWholeFileSize);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { kind: 'unreadable', message: `cannot read ${path}: ${errorMessage(error)}` };
  }
}

/** {@link readWholeBytes} synchronously (for a decode worker), into `scratch.buffer`, reused and grown as needed. */
export function readWholeBytesSync(path: string, maxWholeFileSize: number, scratch: { buffer: Buffer }): WholeBytes {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
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
  const inflated = bytes.readUInt32LE(bytes.length - 4);
  return inflated < bytes.length ? Number.POSITIVE_INFINITY : inflated;
}
