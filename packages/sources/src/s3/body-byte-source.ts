import { isGzip } from '@jackwatch/core/decode';
import type { ByteSource } from '../file/byte-source.ts';
import { gunzipChunks } from '../internal/gunzip-chunks.ts';

// Default 16 KiB gunzip chunks run at a third of the speed.
const CHUNK_SIZE = 256 * 1024;

/**
 * The bytes of an object's body as it downloads, gunzipped when they start
 * with the gzip magic number, for the streaming readers: nothing is held
 * beyond the chunk in hand and the streams' own buffers.
 *
 * A failure — the connection dropped, a cut or damaged gzip stream — ends
 * the iteration normally and is kept in {@link error}. Ending the iteration
 * early releases the body (and its connection).
 */
export class BodyByteSource implements ByteSource {
  readonly #body: AsyncIterable<Uint8Array>;
  #bytesRead = 0;
  #error: unknown;

  /** @param body the response body, or bytes already downloaded. */
  constructor(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.#body = Symbol.asyncIterator in body ? body : (async function* () { yield* body; })();
  }

  /** Bytes downloaded so far (compressed bytes for a gzipped object). */
  get bytesRead(): number {
    return this.#bytesRead;
  }

  /** What ended the iteration early, if anything. */
  get error(): unknown {
    return this.#error;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    const body = this.#body[Symbol.asyncIterator]();
    try {
      const head = await this.#head(body);
      if (head.length === 0) return;
      const raw = this.#counted(head, body);
      if (!isGzip(head)) {
        yield* raw;
        return;
      }
      yield* gunzipChunks(raw, CHUNK_SIZE);
    } catch (error) {
      this.#error = error;
    } finally {
      await body.return?.();
    }
  }

  // The first bytes, at least two (the gzip magic number) unless the body is shorter.
  async #head(body: AsyncIterator<Uint8Array>): Promise<Buffer> {
    const parts: Buffer[] = [];
    let length = 0;
    while (length < 2) {
      const next = await body.next();
      if (next.done === true) break;
      parts.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      length += next.value.byteLength;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  async *#counted(head: Buffer, body: AsyncIterator<Uint8Array>): AsyncGenerator<Buffer> {
    this.#bytesRead += head.length;
    yield head;
    for (let next = await body.next(); next.done !== true; next = await body.next()) {
      this.#bytesRead += next.value.byteLength;
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
  }
}
