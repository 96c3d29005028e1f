import { constants, createGunzip, gunzipSync, type Gunzip } from 'node:zlib';

// Bounds of one output buffer: a trailer may lie (several gzip members, or a size past 4 GiB).
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 256 * 1024 * 1024;

// What this class reads of Node's zlib stream internals (present since Node 10); checked before use.
interface GunzipInternals {
  readonly _handle: { writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void; reset(): void } | null;
  readonly _writeState: Uint32Array;
}

/**
 * Gunzips whole files, one after another, into one reused output buffer
 * sized by the gzip trailer: no allocation per file, so no garbage
 * collection driven by hundreds of megabytes of short-lived buffers —
 * about twice as fast as `gunzipSync`, and 1.5× as fast as `gunzipSync` with
 * a trailer-sized `chunkSize`.
 *
 * Never inflates more than `maxInflatedSize` bytes: the trailer is only a
 * hint (it holds the size of the last gzip member, modulo 2^32, and a
 * hostile file can say anything there), so a file that inflates past the
 * limit — a decompression bomb, a file of many members — is given up as soon
 * as it does, and `inflate` returns `undefined`: read that file as a stream.
 *
 * It drives one native zlib handle directly (Node's internal `writeSync`,
 * what `gunzipSync` does). Anything unusual — a damaged or cut stream, a
 * trailer smaller than the output, internals that changed — falls back to
 * `gunzipSync` with the same limit, which throws what it always throws.
 *
 * The buffer returned is valid until the next call: copy what you keep.
 * Not shared between threads; one per reader.
 */
export class WholeInflater {
  /** The most bytes one file may inflate to. */
  readonly maxInflatedSize: number;
  #stream: (Gunzip & GunzipInternals) | undefined;
  #out: Buffer = Buffer.alloc(0);
  #usable = true;

  /** @param maxInflatedSize the most bytes one file may inflate to (at least 1). */
  constructor(maxInflatedSize: number) {
    this.maxInflatedSize = maxInflatedSize;
  }

  /**
   * The inflated bytes of the gzip file `bytes` (valid until the next call),
   * or `undefined` when they would be more than {@link maxInflatedSize}.
   * Throws on a damaged or cut stream, as `gunzipSync` does.
   */
  inflate(bytes: Uint8Array): Buffer | undefined {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // One byte of slack: an output that fills the buffer exactly is not known to be complete.
    const ceiling = this.maxInflatedSize + 1;
    const size = Math.min(ceiling, outputChunkSize(view));
    const fast = this.#usable ? this.#tryInflate(view, size) : undefined;
    if (fast === 'full' && size === ceiling) return undefined; // more than the limit came out
    return typeof fast === 'object' ? fast : inflateAtMost(view, this.maxInflatedSize);
  }

  // The output, or 'full' when it filled the buffer, or `undefined` when this way cannot tell (the fallback will).
  #tryInflate(input: Buffer, size: number): Buffer | 'full' | undefined {
    const stream = this.#handleStream();
    const handle = stream?._handle;
    if (stream === undefined || !handle || typeof handle.writeSync !== 'function') {
      this.#usable = false;
      return undefined;
    }
    if (this.#out.length < size) this.#out = Buffer.allocUnsafe(size);
    let failed = false;
    try {
      // A zlib error destroys the stream synchronously (its 'error' event comes later and is ignored).
      handle.writeSync(constants.Z_FINISH, input, 0, input.length, this.#out, 0, size);
    } catch {
      failed = true;
    }
    const [availOut, availIn] = stream._writeState;
    const errored = failed || stream.destroyed; // then the state above is not this call's
    if (errored || availOut === 0 || availIn !== 0) {
      this.#stream = undefined; // an errored handle is closed; a fresh one next time
      if (!errored) stream.destroy();
      return !errored && availOut === 0 ? 'full' : undefined;
    }
    handle.reset();
    return this.#out.subarray(0, size - availOut!);
  }

  #handleStream(): (Gunzip & GunzipInternals) | undefined {
    if (this.#stream === undefined) {
      const stream = createGunzip() as Gunzip & GunzipInternals;
      if (!(stream._writeState instanceof Uint32Array)) return undefined;
      stream.on('error', () => {}); // errors are read from the state above; never unhandled
      this.#stream = stream;
    }
    return this.#stream;
  }
}

/**
 * The inflated size a gzip file's trailer announces: that of its last member,
 * modulo 2^32 (0 for a file too short to have a trailer). A size for
 * deciding how to read the file, not a bound: the trailer is not checked
 * until the file is inflated.
 */
export function announcedInflatedSize(bytes: Uint8Array): number {
  if (bytes.length < 18) return 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(bytes.length - 4);
}

/**
 * Gunzips one whole file with an output chunk of the size its trailer
 * announces (one allocation, no concatenation when the trailer is right),
 * stopping as soon as more than `limit` bytes come out: returns `undefined`
 * then. Throws what `gunzipSync` throws on a damaged or cut stream — unless
 * `finishFlush` is `Z_SYNC_FLUSH`, which returns what a cut stream holds.
 */
export function inflateAtMost(bytes: Uint8Array, limit: number, finishFlush: number = constants.Z_FINISH): Buffer | undefined {
  try {
    const chunkSize = Math.max(constants.Z_MIN_CHUNK, Math.min(limit + 1, outputChunkSize(bytes)));
    return gunzipSync(bytes, { chunkSize, maxOutputLength: limit, finishFlush });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}

// Output chunks of the size the trailer announces, within bounds: one chunk when it tells the truth.
function outputChunkSize(bytes: Uint8Array): number {
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, announcedInflatedSize(bytes) + 1));
}
