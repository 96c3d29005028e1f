import type { FileHandle } from 'node:fs/promises';
import type { TrailEvent } from '@jackwatch/core';
import { decodeWholeFile, type WholeFileResult } from '../internal/decode-whole-file.ts';
import type { FileChunk, FileStamp, ReadPlan } from './file-chunk.ts';

/**
 * Reads a file of at most `maxWholeFileSize` in one piece and decodes it (the
 * fastest path: one gunzip call, one `JSON.parse` — or, with the prefilter,
 * only the records that can match), and returns its chunks: events in
 * slices of `batchSize`. Returns `undefined` when the file is gzipped and
 * inflates past `maxWholeFileSize` (`plan.inflater` stops there) or its gzip
 * data is damaged: stream it (see `decodeWholeFile`).
 */
export async function readWholeFile(handle: FileHandle, path: string, stamp: FileStamp, plan: ReadPlan): Promise<Generator<FileChunk> | undefined> {
  const bytes = await readExactly(handle, stamp.size);
  const result = decodeWholeFile(bytes, { source: plan.source, location: path }, plan.selection, plan.inflater);
  return result === undefined ? undefined : wholeFileChunks(result, bytes.length, stamp, plan);
}

/**
 * The chunks of a file decoded whole (here or by a decode worker): rejections
 * go to `plan.reject`, what the prefilter skipped is counted, and events come
 * in slices of `batchSize`. On resume, records before `plan.resume.next` are
 * dropped: they were delivered before the restart.
 */
export function* wholeFileChunks(result: WholeFileResult, byteLength: number, stamp: FileStamp, plan: ReadPlan): Generator<FileChunk> {
  const { batch } = result;
  if (result.prefiltered) plan.countPrefiltered('files', 1);
  if (result.skippedRecords > 0) plan.countPrefiltered('records', result.skippedRecords);
  if (result.unmatchedRecords > 0) plan.countUnmatched(result.unmatchedRecords);
  const next = plan.resume?.next ?? Number.NEGATIVE_INFINITY;
  for (const rejection of batch.rejections) {
    if (rejection.origin.index === -1 || Number(rejection.origin.index) >= next) plan.reject(rejection);
  }
  const events = next === Number.NEGATIVE_INFINITY ? batch.events : batch.events.filter((e) => Number(e.origin.index) >= next);
  let bytesLeft = byteLength;
  for (let start = 0; start < events.length || start === 0; start += plan.batchSize) {
    const slice = events.length <= plan.batchSize ? events : events.slice(start, start + plan.batchSize);
    const last = start + plan.batchSize >= events.length;
    yield { events: slice, bytes: bytesLeft, stamp, progress: { next: nextAfter(slice, plan.resume?.next ?? 0) }, last };
    bytesLeft = 0;
  }
}

function nextAfter(events: readonly TrailEvent[], fallback: number): number {
  const lastEvent = events.at(-1);
  return lastEvent === undefined ? fallback : Number(lastEvent.origin.index) + 1;
}

// Reads the size stat reported at open: a file growing meanwhile is not slurped past the limit.
async function readExactly(handle: FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
