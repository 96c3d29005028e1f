import { MinHeap } from '@jackwatch/core';

/**
 * A k-way merge of async iterables that are each already in `compare`
 * order: yields the smallest head first, pulling one more item only from the
 * source it came from. Holds one item per source (plus whatever each source
 * buffers, e.g. a listing page). The first item of every source is fetched
 * `startConcurrency` sources at a time.
 *
 * @example interleave per-region listings by the time in their file names.
 */
export async function* mergeSorted<T>(
  sources: readonly AsyncIterable<T>[],
  compare: (a: T, b: T) => number,
  startConcurrency = 16,
): AsyncGenerator<T> {
  const iterators = sources.map((source) => source[Symbol.asyncIterator]());
  const heap = new MinHeap<{ value: T; iterator: AsyncIterator<T> }>((a, b) => compare(a.value, b.value));
  try {
    for (let i = 0; i < iterators.length; i += startConcurrency) {
      const firsts = await Promise.all(iterators.slice(i, i + startConcurrency).map(async (iterator) => ({ iterator, result: await iterator.next() })));
      for (const { iterator, result } of firsts) if (!result.done) heap.push({ value: result.value, iterator });
    }
    for (let head = heap.pop(); head !== undefined; head = heap.pop()) {
      yield head.value;
      const next = await head.iterator.next();
      if (!next.done) heap.push({ value: next.value, iterator: head.iterator });
    }
  } finally {
    await Promise.allSettled(iterators.map((iterator) => iterator.return?.()));
  }
}
