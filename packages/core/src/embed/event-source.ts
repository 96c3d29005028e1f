import type { Source, SourceBatch } from '../component/source.ts';
import type { TrailEvent } from '../event/trail-event.ts';

/** What {@link eventSource} reads: events or batches of events, sync or async. */
export type EventInput = Iterable<TrailEvent | readonly TrailEvent[]> | AsyncIterable<TrailEvent | readonly TrailEvent[]>;

/** Options of {@link eventSource}. */
export interface EventSourceOptions {
  /** Events per batch from a synchronous iterable (default 1000). An async iterable's items are passed on as they come. */
  readonly batchSize?: number;
}

/**
 * A {@link Source} over events you already have: an array, a generator, or
 * an async iterable fed by your service (a queue consumer, an HTTP body).
 * Items may be single events or arrays of events (kept as one batch). The
 * pipeline pulls, so an async producer is read only as fast as the sinks
 * keep up; aborting the run stops the read even while a `next()` is pending.
 *
 * @example
 * ```ts
 * const source = eventSource(records.map((r, i) => toEvent(r, i)));
 * ```
 */
export function eventSource(input: EventInput, options: EventSourceOptions = {}): Source {
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  return {
    start: () => Promise.resolve(),
    read: (signal) => (Symbol.asyncIterator in input ? readAsync(input, signal) : readSync(input, batchSize, signal)),
    shutdown: () => Promise.resolve(),
  };
}

async function* readSync(input: Iterable<TrailEvent | readonly TrailEvent[]>, batchSize: number, signal: AbortSignal): AsyncGenerator<SourceBatch> {
  let events: TrailEvent[] = [];
  for (const item of input) {
    if (signal.aborted) return;
    if (isBatch(item)) {
      if (events.length > 0) yield { events };
      events = [];
      yield { events: item };
      continue;
    }
    events.push(item);
    if (events.length >= batchSize) {
      yield { events };
      events = [];
    }
  }
  if (events.length > 0 && !signal.aborted) yield { events };
}

async function* readAsync(input: AsyncIterable<TrailEvent | readonly TrailEvent[]>, signal: AbortSignal): AsyncGenerator<SourceBatch> {
  const iterator = input[Symbol.asyncIterator]();
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next === 'aborted' || next.done === true) return;
      yield { events: isBatch(next.value) ? next.value : [next.value] };
    }
  } finally {
    // Not awaited: a producer blocked in next() may never settle its return().
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

function isBatch(item: TrailEvent | readonly TrailEvent[]): item is readonly TrailEvent[] {
  return Array.isArray(item);
}
