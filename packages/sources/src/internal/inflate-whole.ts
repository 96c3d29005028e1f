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
 * It drives one native zlib handle directly (Node's internal `writeSync`,
 * what `gunzipSync` does). Anything unusual — a damaged or cut stream, a
 * trailer smaller than the output, internals that changed — falls back to
 * `gunzipSync`, which throws what it always throws.
 *
 * The buffer returned is valid until the next call: copy what you keep.
 * Not shared between threads; one per reader.
 */
export class WholeInflater {
  #stream: (Gunzip & GunzipInternals) | undefined;
  #out: Buffer = Buffer.alloc(0);
  #usable = true;

  /** The inflated bytes of the gzip file `bytes` (valid until the next call). */
  inflate(bytes: Uint8Array): Buffer {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const announced = view.length >= 18 ? view.readUInt32LE(view.length - 4) : 0;
    // One byte of slack: an output that fills the buffer exactly is not known to be complete.
    const size = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, announced + 1));
    const fast = this.#usable ? this.#tryInflate(view, size) : undefined;
    return fast ?? inflateOnce(view);
  }

  #tryInflate(input: Buffer, size: number): Buffer | undefined {
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
      handle.writeSync(constants.Z_FINISH, input, 0, input.length, this.#out, 0, this.#out.length);
    } catch {
      failed = true;
    }
    const [availOut, availIn] = stream._writeState;
    if (failed || stream.destroyed || availOut === 0 || availIn !== 0) {
      this.#stream = undefined; // an errored handle is closed; a fresh one next time
      if (!failed && !stream.destroyed) stream.destroy();
      return undefined;
    }
    handle.reset();
    return this.#out.subarray(0, this.#out.length - availOut!);
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
 * announces (one allocation, no concatenation): 1.5× as fast as
 * `gunzipSync`'s default 16 KiB chunks. Throws what `gunzipSync` throws.
 */
export function inflateOnce(bytes: Uint8Array): Buffer {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const announced = view.length >= 18 ? view.readUInt32LE(view.length - 4) : 0;
  return gunzipSync(view, { chunkSize: Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, announced + 1)) });
}
