import type { Logger } from '@jackwatch/core';
import { DecodePool, resolveWorkerCount, type DecodeWorkerData } from './decode-pool.ts';

/**
 * The decode pool of a source with a `workers` option, started on first use:
 * none for `workers: 0` (or `auto` on one core), and none — with one warning,
 * decoding staying on the main thread — when its workers cannot start.
 */
export class OptionalDecodePool {
  readonly #size: number;
  readonly #data: DecodeWorkerData;
  readonly #logger: Logger;
  #pool: DecodePool | undefined;
  #failed = false;
  #closed = false;

  constructor(workers: number | 'auto', data: DecodeWorkerData, logger: Logger) {
    this.#size = resolveWorkerCount(workers);
    this.#data = data;
    this.#logger = logger;
  }

  /** The pool, started now if it was not; `undefined` when decoding stays on the main thread. */
  get(): DecodePool | undefined {
    if (this.#size === 0 || this.#failed || this.#closed) return undefined;
    try {
      this.#pool ??= new DecodePool(this.#size, this.#data);
    } catch (error) {
      this.#failed = true;
      this.#logger.warn('decode workers could not start; decoding on the main thread', { error: error instanceof Error ? error.message : String(error) });
    }
    return this.#pool;
  }

  /** Stops the workers, if started; later calls to {@link get} give `undefined`. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#pool?.close();
  }
}
