import { decodeNdjson, oversizedRejection, type DecodedBatch } from '@jackwatch/core';
import type { ByteSource } from './byte-source.ts';
import type { FileChunk, FileStamp, StreamPlan } from './file-chunk.ts';
import { mayMatch } from './prefilter.ts';
import { errorMessage, readErrorReason } from './read-error-reason.ts';

/** Where a line reader starts: the byte offset of line `line` (1-based); `offset` is reported only when `trackOffset`. */
export interface LineStart {
  readonly offset: number;
  readonly line: number;
  readonly trackOffset: boolean;
}

const NEWLINE = 0x0a;

/**
 * Reads NDJSON line by line from a byte stream and yields at most
 * `batchSize` events per chunk, so a file of any size is decoded in bounded
 * memory (a line longer than `maxRecordSize` is rejected, not buffered).
 * Progress is exact: the next line number and, for uncompressed files, its
 * byte offset — the position a restart or the next poll resumes from.
 */
export async function* readLineStream(input: ByteSource, path: string, stamp: FileStamp, plan: StreamPlan, start: LineStart): AsyncGenerator<FileChunk> {
  const where = { source: plan.source, location: path };
  const skipBefore = plan.resume?.next ?? 0;
  let batch: DecodedBatch = { events: [], rejections: [] };
  let line = start.line;
  let offset = start.offset;
  let carry: Buffer | undefined;
  let oversizeBytes = 0; // bytes of an over-long line dropped so far, up to its newline
  let kept = 0;
  let prefiltered = 0;
  let reported = 0;

  const decodeLine = (text: string): void => {
    if (line < skipBefore) return;
    if (!mayMatch(text, plan.needles)) prefiltered++;
    else decodeNdjson(text, where, line, batch);
  };
  const rejectOversize = (bytes: number): void => {
    if (line >= skipBefore) plan.reject(oversizedRejection(bytes, plan.maxRecordSize, { ...where, index: line }, 'line'));
  };
  const chunk = (last: boolean): FileChunk => {
    for (const rejection of batch.rejections) plan.reject(rejection);
    if (prefiltered > 0) plan.countPrefiltered('records', prefiltered);
    const events = batch.events;
    kept += events.length;
    batch = { events: [], rejections: [] };
    prefiltered = 0;
    const bytes = input.bytesRead - reported;
    reported = input.bytesRead;
    return { events, bytes, stamp, progress: start.trackOffset ? { next: line, offset } : { next: line }, last };
  };

  for await (const data of input) {
    const buffer = carry === undefined ? data : Buffer.concat([carry, data]);
    let pos = 0;
    for (let newline = buffer.indexOf(NEWLINE, pos); newline >= 0; newline = buffer.indexOf(NEWLINE, pos)) {
      if (oversizeBytes + newline - pos > plan.maxRecordSize) rejectOversize(oversizeBytes + newline - pos);
      else decodeLine(buffer.toString('utf8', pos, newline));
      offset += oversizeBytes + newline + 1 - pos;
      oversizeBytes = 0;
      pos = newline + 1;
      line++;
      if (batch.events.length >= plan.batchSize) yield chunk(false);
    }
    carry = pos < buffer.length ? buffer.subarray(pos) : undefined;
    if (carry !== undefined && oversizeBytes + carry.length > plan.maxRecordSize) {
      oversizeBytes += carry.length;
      carry = undefined;
    }
  }

  if (input.error !== undefined) {
    const reason = readErrorReason(input.error);
    const kind = reason === 'truncated' ? 'ends early' : reason === 'unreadable' ? 'could not be read' : 'is damaged';
    const complete = kept + batch.events.length;
    // An unreadable file is retried later (it is not done); a damaged one will not get better.
    const last = chunk(reason !== 'unreadable');
    plan.reject({
      reason,
      message: `${path} ${kind} after line ${line - 1} (${errorMessage(input.error)}); ${complete} complete records before it were kept`,
      origin: { ...where, index: -1 },
    });
    yield last;
    return;
  }
  const tail = carry?.toString('utf8') ?? '';
  const held = plan.holdPartialLine && (oversizeBytes > 0 || (tail.trim() !== '' && !isJson(tail)));
  if (!held && (oversizeBytes > 0 || carry !== undefined)) {
    if (oversizeBytes > 0) rejectOversize(oversizeBytes);
    else decodeLine(tail);
    offset += oversizeBytes + (carry?.length ?? 0);
    line++;
  }
  yield chunk(true);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
