/**
 * Chunks of a file's (decompressed) bytes, with how many file bytes were read
 * so far and what, if anything, cut the iteration short.
 */
export interface ByteSource extends AsyncIterable<Buffer> {
  /** Bytes read from the file so far (compressed bytes for a gzipped file). */
  readonly bytesRead: number;
  /** What ended the iteration early (a cut gzip stream, a read error), if anything. */
  readonly error: unknown;
}

/**
 * A {@link ByteSource} that replays chunks already taken from another
 * source's iterator (to sniff the document's shape), then continues it.
 */
export class ReplayedByteSource implements ByteSource {
  readonly #origin: ByteSource;
  readonly #head: readonly Buffer[];
  readonly #rest: AsyncIterator<Buffer>;

  constructor(origin: ByteSource, head: readonly Buffer[], rest: AsyncIterator<Buffer>) {
    this.#origin = origin;
    this.#head = head;
    this.#rest = rest;
  }

  get bytesRead(): number {
    return this.#origin.bytesRead;
  }

  get error(): unknown {
    return this.#origin.error;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      yield* this.#head;
      for (let next = await this.#rest.next(); next.done !== true; next = await this.#rest.next()) yield next.value;
    } finally {
      await this.#rest.return?.();
    }
  }
}
