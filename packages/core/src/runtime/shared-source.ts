import type { Source, SourceBatch } from '../component/source.ts';

interface Tap {
  readonly queue: SourceBatch[];
  attached: boolean;
  shutDown: boolean;
}

/**
 * One source feeding several pipelines, as a collector receiver feeds every
 * pipeline that lists it: read once (an SQS queue is not split between
 * competing readers, a bucket is not listed twice, one checkpoint), each
 * batch handed to every consumer, and acknowledged to the source only once
 * every consumer that received it has acknowledged it — so acks stay in
 * order and a checkpoint never moves past what one pipeline has not
 * finished. Each consumer holds at most `buffered` batches it has not
 * taken yet; the fastest waits for the slowest. A consumer that stops
 * reading (drained, failed) is detached: its unacknowledged batches hold the
 * checkpoint back, as they should, and the others go on.
 *
 * Every consumer must read or shut down: one that does neither holds the
 * others back once its buffer is full. `start` starts the source once;
 * `shutdown` detaches a consumer, and that of the last shuts the source
 * down. The source is read with a signal that aborts once every consumer's
 * signal has.
 */
export function shareSource(source: Source, consumers: number, buffered = 2): Source[] {
  if (consumers <= 1) return [source];
  const shared = new SharedSource(source, consumers, buffered);
  return Array.from({ length: consumers }, (_, i) => shared.consumer(i));
}

class SharedSource {
  readonly #source: Source;
  readonly #buffered: number;
  readonly #taps: Tap[];
  readonly #abort = new AbortController();
  #iterator: AsyncIterator<SourceBatch> | undefined;
  #pulling: Promise<void> | undefined;
  #ended = false;
  #failure: { error: unknown } | undefined;
  #changed = nextChange();
  #started: Promise<void> | undefined;
  #shutdownsLeft: number;
  #shutdown: Promise<void> | undefined;
  #aborted = 0;

  constructor(source: Source, consumers: number, buffered: number) {
    this.#source = source;
    this.#buffered = Math.max(1, buffered);
    this.#taps = Array.from({ length: consumers }, () => ({ queue: [], attached: true, shutDown: false }));
    this.#shutdownsLeft = consumers;
  }

  consumer(index: number): Source {
    const tap = this.#taps[index]!;
    return {
      start: () => (this.#started ??= this.#source.start()),
      read: (signal) => this.#read(tap, signal),
      shutdown: () => this.#shutdownOne(tap),
    };
  }

  async *#read(tap: Tap, signal: AbortSignal): AsyncGenerator<SourceBatch> {
    const onAbort = (): void => {
      if (++this.#aborted === this.#taps.length) this.#abort.abort(signal.reason);
      this.#notify();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    try {
      while (!signal.aborted) {
        const batch = tap.queue.shift();
        if (batch !== undefined) {
          this.#notify();
          yield batch;
          continue;
        }
        if (this.#failure !== undefined) throw this.#failure.error;
        if (this.#ended) return;
        await (this.#canPull() ? (this.#pulling ??= this.#pull()) : this.#changed.promise);
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      await this.#detach(tap);
    }
  }

  // Room in every attached consumer's buffer: pulling more makes no one hold more than `buffered`.
  #canPull(): boolean {
    return this.#taps.every((tap) => !tap.attached || tap.queue.length < this.#buffered);
  }

  async #pull(): Promise<void> {
    try {
      this.#iterator ??= this.#source.read(this.#abort.signal)[Symbol.asyncIterator]();
      const next = await this.#iterator.next();
      if (next.done) this.#ended = true;
      else this.#fanOut(next.value);
    } catch (error) {
      this.#failure = { error };
    } finally {
      this.#pulling = undefined;
      this.#notify();
    }
  }

  #fanOut(batch: SourceBatch): void {
    const receivers = this.#taps.filter((tap) => tap.attached);
    const ack = batch.ack;
    let remaining = receivers.length;
    const countdown =
      ack === undefined
        ? undefined
        : async (): Promise<void> => {
            if (--remaining === 0) await ack();
          };
    for (const tap of receivers) tap.queue.push(countdown === undefined ? batch : { ...batch, ack: countdown });
  }

  #notify(): void {
    const changed = this.#changed;
    this.#changed = nextChange();
    changed.resolve();
  }

  // Its unread batches are dropped unacknowledged: they hold the checkpoint back until a later run reads them again.
  async #detach(tap: Tap): Promise<void> {
    if (!tap.attached) return;
    tap.attached = false;
    tap.queue.length = 0;
    this.#notify();
    if (this.#taps.every((t) => !t.attached)) await this.#iterator?.return?.();
  }

  async #shutdownOne(tap: Tap): Promise<void> {
    if (!tap.shutDown) {
      tap.shutDown = true;
      this.#shutdownsLeft--;
      await this.#detach(tap);
    }
    if (this.#shutdownsLeft === 0) await (this.#shutdown ??= this.#source.shutdown());
  }
}

// A promise that the next state change resolves.
function nextChange(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
