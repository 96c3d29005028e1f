import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { gunzipChunks } from '../internal/gunzip-chunks.ts';
import type { ByteSource } from './byte-source.ts';

// Default 16 KiB gunzip chunks run at a third of the speed of 256 KiB ones.
const CHUNK_SIZE = 256 * 1024;

/**
 * The bytes of an open file from `start`, gunzipped when `gunzip` is set, as
 * an async iterable of chunks of about 256 KiB. The stream is pulled, so
 * nothing is read ahead of the consumer beyond the streams' own buffers.
 *
 * A failure (a cut gzip stream, a read error) ends the iteration normally and
 * is kept in {@link error}: the reader decides what the records so far are worth.
 */
export class FileByteStream implements ByteSource {
  readonly #handle: FileHandle;
  readonly #start: number;
  readonly #gunzip: boolean;
  #raw: Readable | undefined;
  #error: unknown;

  constructor(handle: FileHandle, start: number, gunzip: boolean) {
    this.#handle = handle;
    this.#start = start;
    this.#gunzip = gunzip;
  }

  /** Bytes read from the file so far (compressed bytes for a gzipped file). */
  get bytesRead(): number {
    return (this.#raw as { bytesRead?: number } | undefined)?.bytesRead ?? 0;
  }

  /** What ended the iteration early, if anything. */
  get error(): unknown {
    return this.#error;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    const raw = this.#handle.createReadStream({ start: this.#start, highWaterMark: CHUNK_SIZE, autoClose: false });
    this.#raw = raw;
    const stream: AsyncIterable<Buffer> = this.#gunzip ? gunzipChunks(raw, CHUNK_SIZE) : raw;
    try {
      for await (const chunk of stream) yield chunk;
    } catch (error) {
      this.#error = error;
    } finally {
      raw.destroy();
    }
  }
}
