import { decodeNdjson, oversizedRejection } from '@jackwatch/core/decode';
import type { ByteSource } from './byte-source.ts';
import { ChunkCutter } from './chunk-cutter.ts';
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
  const gathered = new ChunkCutter(input, stamp, plan);
  let line = start.line;
  let offset = start.offset;
  // The unfinished line's bytes from earlier chunks: gathered once, not re-copied with every chunk.
  const pending = new PendingLine();
  let oversizeBytes = 0; // bytes of an over-long line dropped so far, up to its newline

  const decodeLine = (text: string): void => {
    if (line < skipBefore) return;
    if (!mayMatch(text, plan.needles)) gathered.prefiltered++;
    else decodeNdjson(text, where, line, gathered.batch);
  };
  const rejectOversize = (bytes: number): void => {
    if (line >= skipBefore) gathered.batch.rejections.push(oversizedRejection(bytes, plan.maxRecordSize, { ...where, index: line }, 'line'));
  };
  const chunk = (last: boolean): FileChunk => gathered.cut(start.trackOffset ? { next: line, offset } : { next: line }, last);

  for await (const data of input) {
    let pos = 0;
    for (let newline = data.indexOf(NEWLINE, pos); newline >= 0; newline = data.indexOf(NEWLINE, pos)) {
      const lineBytes = oversizeBytes + pending.length + newline - pos;
      if (lineBytes > plan.maxRecordSize) rejectOversize(lineBytes);
      else decodeLine(pending.take(data, pos, newline));
      offset += lineBytes + 1;
      pending.clear();
      oversizeBytes = 0;
      pos = newline + 1;
      line++;
      if (gathered.batch.events.length >= plan.batchSize) yield chunk(false);
    }
    if (pos === data.length) continue;
    if (oversizeBytes > 0 || pending.length + data.length - pos > plan.maxRecordSize) {
      // Past the limit: only its size is counted from here to its newline.
      oversizeBytes += pending.length + data.length - pos;
      pending.clear();
    } else {
      pending.add(data.subarray(pos));
    }
  }

  if (input.error !== undefined) {
    const reason = readErrorReason(input.error);
    const kind = reason === 'truncated' ? 'ends early' : reason === 'unreadable' ? 'could not be read' : 'is damaged';
    const complete = gathered.complete;
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
  const unterminated = pending.length;
  const tail = pending.take();
  const held = plan.holdPartialLine && (oversizeBytes > 0 || (tail.trim() !== '' && !isJson(tail)));
  if (!held && (oversizeBytes > 0 || unterminated > 0)) {
    if (oversizeBytes > 0) rejectOversize(oversizeBytes);
    else decodeLine(tail);
    offset += oversizeBytes + unterminated;
    line++;
  }
  yield chunk(true);
}

// A buffer this large is let go once its line is done rather than kept for the next one.
const KEEP_CAPACITY = 1024 * 1024;

/**
 * The bytes of a line that spans chunks, copied into one buffer that grows
 * by doubling: linear in the line's length however small the chunks are,
 * and decoded once, when the line ends (so a UTF-8 character split between
 * chunks comes out whole). Never more than twice the line is held.
 */
class PendingLine {
  #bytes = Buffer.alloc(0);
  #length = 0;

  /** Bytes held. */
  get length(): number {
    return this.#length;
  }

  add(piece: Uint8Array): void {
    const needed = this.#length + piece.length;
    if (needed > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.#bytes.length, 4096));
      this.#bytes.copy(grown, 0, 0, this.#length);
      this.#bytes = grown;
    }
    this.#bytes.set(piece, this.#length);
    this.#length = needed;
  }

  /** The held bytes followed by `last[start, end)`, as text. */
  take(last?: Buffer, start = 0, end = last?.length ?? 0): string {
    if (this.#length === 0) return last === undefined ? '' : last.toString('utf8', start, end);
    if (last !== undefined && end > start) this.add(last.subarray(start, end));
    return this.#bytes.toString('utf8', 0, this.#length);
  }

  clear(): void {
    this.#length = 0;
    if (this.#bytes.length > KEEP_CAPACITY) this.#bytes = Buffer.alloc(0);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
