import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FileByteStream } from './file-byte-stream.ts';
import type { FileChunk, ReadPlan } from './file-chunk.ts';
import { isLineFileName } from './file-kind.ts';
import { plannedInflatedSize } from './gzip-trailer.ts';
import { readLargeDocument } from './large-document-reader.ts';
import { readLineStream } from './line-stream-reader.ts';
import { errorMessage } from './read-error-reason.ts';
import { readWholeFile } from './whole-file-reader.ts';

/** How {@link readInputFile} may read a file. */
export interface ReadInputOptions {
  /** Stream it even when it looks small enough to read whole: a caller already found it is not. */
  readonly stream?: boolean;
}

/**
 * Reads one input file and yields its events chunk by chunk, choosing the
 * fastest way that keeps memory bounded:
 * - uncompressed `.ndjson`/`.jsonl`: line by line from `resume.offset`, so
 *   appended lines are read without re-reading the file;
 * - up to `maxWholeFileSize` (decompressed, as the gzip trailer announces):
 *   read whole, one gunzip call, one `JSON.parse` — the fastest way;
 * - larger, or gzipped and inflating past `maxWholeFileSize` after all (the
 *   trailer only holds the last gzip member's size, and may lie), or with
 *   damaged gzip data: streamed through a 256 KiB gunzip, split by record or
 *   by line — in bounded memory and linear time, however far it inflates.
 *
 * Bad input never throws: it is passed to `plan.reject` — an unreadable
 * file once with reason `unreadable`, and then the generator ends without a
 * `last` chunk (so the file is not marked done).
 */
export async function* readInputFile(path: string, plan: ReadPlan, options: ReadInputOptions = {}): AsyncGenerator<FileChunk> {
  let handle: FileHandle | undefined;
  try {
    // Non-blocking: a file swapped for a named pipe since it was listed opens at once, and fails the check below.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file');
    const stamp = { size: stat.size, mtimeMs: stat.mtimeMs };
    const gzip = await startsWithGzipMagic(handle);
    if (!gzip && isLineFileName(path)) {
      const start = { offset: plan.resume?.offset ?? 0, line: plan.resume?.offset === undefined ? 1 : plan.resume.next, trackOffset: true };
      yield* readLineStream(new FileByteStream(handle, start.offset, false), path, stamp, plan, start);
    } else {
      const fits = options.stream !== true && stat.size <= plan.maxWholeFileSize && (!gzip || (await gzipInflatedSize(handle, stat.size)) <= plan.maxWholeFileSize);
      const whole = fits ? await readWholeFile(handle, path, stamp, plan) : undefined;
      yield* whole ?? readLargeDocument(new FileByteStream(handle, 0, gzip), path, stamp, plan);
    }
  } catch (error) {
    plan.reject({ reason: 'unreadable', message: `cannot read ${path}: ${errorMessage(error)}`, origin: { source: plan.source, location: path, index: -1 } });
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function startsWithGzipMagic(handle: FileHandle): Promise<boolean> {
  const magic = Buffer.alloc(2);
  const { bytesRead } = await handle.read(magic, 0, 2, 0);
  return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
}

// The gzip trailer holds the inflated size modulo 2^32 (of the last member):
// a 8 MB .json.gz may hold 150 MB of JSON, which must be streamed. A trailer
// well below the file's own size is not plausible, so the file is streamed.
async function gzipInflatedSize(handle: FileHandle, size: number): Promise<number> {
  if (size < 18) return 0;
  const trailer = Buffer.alloc(4);
  await handle.read(trailer, 0, 4, size - 4);
  return plannedInflatedSize(trailer.readUInt32LE(0), size);
}
