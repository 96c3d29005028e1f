/**
 * Hands items one at a time from a producer to a consumer that pulls them:
 * {@link put} waits until the consumer has taken the item, so the producer
 * never runs more than one item ahead. The producer ends with {@link close}
 * or {@link fail}; the consumer reads with `for await`, and stopping early
 * (or `signal` aborting) makes every waiting and later `put` reject, so the
 * producer stops too.
 */
export class Handoff<T> implements AsyncIterable<T> {
  readonly #signal: AbortSignal;
  readonly #onAbort = (): void => this.#stop();
  #item: { readonly value: T; readonly taken: () => void } | undefined;
  #end: { readonly error?: unknown } | undefined;
  #stopped = false;
  #wake: (() => void) | undefined;
  #wakeProducer: (() => void) | undefined;
  #ready: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(signal: AbortSignal) {
    this.#signal = signal;
    signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  /**
   * Resolves once there is something to read — an item, the end, or a
   * failure — or the consumer stopped: lets a caller wait until a result is
   * ready without taking it.
   */
  ready(): Promise<void> {
    if (this.#item !== undefined || this.#end !== undefined || this.#stopped) return Promise.resolve();
    if (this.#ready === undefined) {
      let resolve = (): void => {};
      const promise = new Promise<void>((done) => (resolve = done));
      this.#ready = { promise, resolve };
    }
    return this.#ready.promise;
  }

  /** Resolves once the consumer took `value`; rejects when it stopped reading or the signal aborted. */
  put(value: T): Promise<void> {
    if (this.#stopped || this.#signal.aborted) return Promise.reject(this.#stopReason());
    if (this.#item !== undefined || this.#end !== undefined) return Promise.reject(new Error('Handoff.put: one item at a time, before close'));
    return new Promise<void>((resolve, reject) => {
      this.#item = { value, taken: resolve };
      this.#wakeProducer = () => reject(this.#stopReason());
      this.#notify();
    });
  }

  /** No more items: the consumer's loop ends after the last one. */
  close(): void {
    this.#end ??= {};
    this.#notify();
  }

  /** Ends the consumer's loop with `error` after the items already put. */
  fail(error: unknown): void {
    this.#end ??= { error };
    this.#notify();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    try {
      for (;;) {
        const item = this.#item;
        if (item !== undefined) {
          this.#item = undefined;
          this.#wakeProducer = undefined;
          item.taken();
          yield item.value;
          continue;
        }
        if (this.#end !== undefined) {
          if ('error' in this.#end) throw this.#end.error;
          return;
        }
        if (this.#signal.aborted) throw this.#stopReason();
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    } finally {
      this.#stop();
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
    const ready = this.#ready;
    this.#ready = undefined;
    ready?.resolve();
  }

  #stop(): void {
    this.#stopped = true;
    this.#signal.removeEventListener('abort', this.#onAbort);
    const wakeProducer = this.#wakeProducer;
    this.#wakeProducer = undefined;
    this.#item = undefined;
    wakeProducer?.();
    this.#notify();
  }

  #stopReason(): unknown {
    return this.#signal.aborted ? this.#signal.reason : new Error('the consumer stopped reading');
  }
}
