type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

const settle = <R>(promise: Promise<R>): Promise<Settled<R>> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

/**
 * Maps an async iterable with up to `concurrency` calls of `work` in flight
 * and yields the results in input order: downloads overlap, the stream stays
 * in order. Pulls the next input while waiting for the oldest result, so a
 * slow input (an SQS long poll) never holds back a finished result. At most
 * `concurrency` results wait in memory; nothing is pulled while the consumer
 * does not ask for more beyond that window.
 *
 * The first failure of `work` is thrown in order, once its turn comes. When
 * the consumer stops early, unfinished work is awaited but a pending pull is
 * not: abort the input's own signal to end it.
 */
export async function* mapOrdered<T, R>(
  input: AsyncIterable<T>,
  concurrency: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const iterator = input[Symbol.asyncIterator]();
  const window: Promise<Settled<R>>[] = [];
  let pulling: Promise<Settled<IteratorResult<T>>> | undefined;
  let exhausted = false;
  try {
    for (;;) {
      if (!exhausted && pulling === undefined && window.length < concurrency) pulling = settle(iterator.next());
      const head = window[0];
      if (head === undefined && pulling === undefined) return;
      const winner = await Promise.race([
        ...(head ? [head.then((result) => ({ from: 'head' as const, result }))] : []),
        ...(pulling ? [pulling.then((result) => ({ from: 'pull' as const, result }))] : []),
      ]);
      if (winner.from === 'pull') {
        pulling = undefined;
        const pulled = winner.result;
        if (!pulled.ok) throw pulled.error;
        if (pulled.value.done) exhausted = true;
        else window.push(settle(Promise.resolve(pulled.value.value).then(work)));
        continue;
      }
      void window.shift(); // the head: settled, never rejects, its value is in `winner`
      if (!winner.result.ok) throw winner.result.error;
      yield winner.result.value;
    }
  } finally {
    await Promise.allSettled(window);
    // A pending pull (an SQS long poll) may never end by itself: close the input once it settles, without waiting
    // for it here; the caller stops it through its abort signal.
    if (pulling) void pulling.then(() => iterator.return?.()).catch(() => undefined);
    else await iterator.return?.();
  }
}
