import { LoopTurns } from './loop-turns.ts';

/**
 * A counting semaphore: at most `limit` batches are in flight between a
 * source and the sinks. Sources pull only after acquiring a credit, so a slow
 * sink slows the reading instead of growing buffers.
 */
export class Credits {
  #available: number;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`credit limit must be a positive integer, got ${limit}`);
    this.#available = limit;
  }

  /** Resolves once a credit is available and takes it. */
  acquire(): Promise<void> {
    if (this.#available > 0) {
      this.#available--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Returns a credit, waking the longest waiter. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#available++;
  }
}

/**
 * Wraps a source's batches so each pull first takes a credit. The credit is
 * returned by whoever finishes with the batch (the sink stage). Between
 * pulls, the event loop gets a turn every few milliseconds (see {@link LoopTurns}).
 */
export async function* gated<T>(items: AsyncIterable<T>, credits: Credits): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  const turns = new LoopTurns();
  try {
    for (;;) {
      await turns.due();
      await credits.acquire();
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        credits.release();
        throw error;
      }
      if (next.done) {
        credits.release();
        return;
      }
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
