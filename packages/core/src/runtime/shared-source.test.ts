import { describe, expect, it } from 'vitest';
import type { Source, SourceBatch } from '../component/source.ts';
import { shareSource } from './shared-source.ts';

/** A source of `count` batches that counts pulls, starts and shutdowns, and records acks in order. */
class CountingSource implements Source {
  readonly acked: number[] = [];
  pulled = 0;
  starts = 0;
  shutdowns = 0;
  readSignal: AbortSignal | undefined;
  readonly #count: number;
  readonly #failAt: number | undefined;
  readonly #paced: boolean;
  constructor(count: number, options: { failAt?: number; paced?: boolean } = {}) {
    this.#count = count;
    this.#failAt = options.failAt;
    this.#paced = options.paced ?? false;
  }
  async start(): Promise<void> {
    this.starts++;
  }
  async *read(signal: AbortSignal): AsyncGenerator<SourceBatch> {
    this.readSignal = signal;
    for (let i = 0; i < this.#count && !signal.aborted; i++) {
      if (i === this.#failAt) throw new Error('bucket vanished');
      if (this.#paced) await new Promise((resolve) => setImmediate(resolve));
      this.pulled++;
      yield { events: [], bytes: i, ack: async () => void this.acked.push(i) };
    }
  }
  async shutdown(): Promise<void> {
    this.shutdowns++;
  }
}

async function take(source: Source, count: number, signal = new AbortController().signal): Promise<SourceBatch[]> {
  const batches: SourceBatch[] = [];
  for await (const batch of source.read(signal)) {
    batches.push(batch);
    if (batches.length === count) break;
  }
  return batches;
}

describe('shareSource', () => {
  it('returns the source itself for one consumer', () => {
    const source = new CountingSource(1);
    expect(shareSource(source, 1)).toEqual([source]);
  });

  it('reads once, hands every batch to each consumer in order, and acks a batch once all consumers did', async () => {
    const source = new CountingSource(5);
    const [a, b] = shareSource(source, 2);
    const [fromA, fromB] = await Promise.all([take(a!, 99), take(b!, 99)]);
    expect(source.pulled).toBe(5);
    expect(fromA.map((batch) => batch.bytes)).toEqual([0, 1, 2, 3, 4]);
    expect(fromB.map((batch) => batch.bytes)).toEqual([0, 1, 2, 3, 4]);

    for (const batch of fromA) await batch.ack!();
    expect(source.acked).toEqual([]);
    await fromB[0]!.ack!();
    await fromB[1]!.ack!();
    expect(source.acked).toEqual([0, 1]);
  });

  it('lets the fastest consumer get at most `buffered` batches ahead of one that is not reading', async () => {
    const source = new CountingSource(50);
    const [fast, idle] = shareSource(source, 2, 3);
    const stop = new AbortController();
    const reading = take(fast!, 99, stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(source.pulled).toBe(3);
    await idle!.shutdown(); // detaching the idle consumer frees the other
    expect(await reading).toHaveLength(50);
  });

  it('detaches a consumer that stops: the others read on, and its unacknowledged batches hold the acks back', async () => {
    const source = new CountingSource(6);
    const [quitter, stayer] = shareSource(source, 2, 1);
    const quitting = take(quitter!, 2);
    const staying = take(stayer!, 99);
    const [early, all] = await Promise.all([quitting, staying]);
    expect(early.map((batch) => batch.bytes)).toEqual([0, 1]);
    expect(all.map((batch) => batch.bytes)).toEqual([0, 1, 2, 3, 4, 5]);
    await early[0]!.ack!();
    for (const batch of all) await batch.ack!();
    // Batch 1 went to both and only one acked it; from batch 2 on, only the stayer received them.
    expect(source.acked).toEqual([0, 2, 3, 4, 5]);
  });

  it('hands a failure of the source to every consumer', async () => {
    const [a, b] = shareSource(new CountingSource(5, { failAt: 2 }), 2);
    const results = await Promise.allSettled([take(a!, 99), take(b!, 99)]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'fulfilled'))).toEqual(['bucket vanished', 'bucket vanished']);
  });

  it('aborts the source once every consumer is aborted', async () => {
    const source = new CountingSource(Number.POSITIVE_INFINITY, { paced: true });
    const [a, b] = shareSource(source, 2);
    const first = new AbortController();
    const second = new AbortController();
    const readingA = take(a!, 9_999, first.signal);
    const readingB = take(b!, 9_999, second.signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    first.abort();
    await readingA;
    expect(source.readSignal?.aborted).toBe(false);
    second.abort();
    await readingB;
    expect(source.readSignal?.aborted).toBe(true);
  });

  it('starts the source once, and shuts it down with the last consumer, once', async () => {
    const source = new CountingSource(0);
    const [a, b] = shareSource(source, 2);
    await Promise.all([a!.start(), b!.start()]);
    expect(source.starts).toBe(1);
    await a!.shutdown();
    await a!.shutdown();
    expect(source.shutdowns).toBe(0);
    await b!.shutdown();
    await b!.shutdown();
    expect(source.shutdowns).toBe(1);
  });
});
