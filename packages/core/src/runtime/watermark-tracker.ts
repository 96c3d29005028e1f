import type { TrailEvent } from '../event/trail-event.ts';

interface PartitionState {
  maxTime: number;
  lastBatch: number;
}

/**
 * Tracks the watermark: the event time up to which the pipeline believes it
 * has seen everything. Each partition (source, account, region) has its own
 * maximum event time, and the pipeline's watermark is the minimum over live
 * partitions minus the allowed lateness — so a reader that is hours behind in
 * one region does not make that whole region "late".
 *
 * A partition that has received nothing for `idleAfterBatches` batches stops
 * holding the watermark back (it has ended, or gone quiet). The watermark
 * never moves backwards.
 */
export class WatermarkTracker {
  readonly #partitions = new Map<string, PartitionState>();
  readonly #allowedLateness: number;
  readonly #idleAfterBatches: number;
  #batch = 0;
  #frontier = Number.NEGATIVE_INFINITY;

  constructor(allowedLateness: number, idleAfterBatches = 10_000) {
    this.#allowedLateness = allowedLateness;
    this.#idleAfterBatches = idleAfterBatches;
  }

  /** Current watermark (epoch ms): the frontier minus the allowed lateness; `-Infinity` before any event. */
  get watermark(): number {
    return this.#frontier - this.#allowedLateness;
  }

  /** The minimum over live partitions of their newest event time; never decreases. */
  get frontier(): number {
    return this.#frontier;
  }

  /**
   * Records the events of one batch and returns how many were late: older
   * than their own partition's newest event minus the allowed lateness. A
   * region read hours after another is not late; a file delivered out of
   * order within its region may be.
   */
  observe(events: readonly TrailEvent[]): number {
    this.#batch++;
    let late = 0;
    for (const event of events) {
      const key = `${event.origin.source}\u0000${event.account ?? ''}\u0000${event.region ?? ''}`;
      const partition = this.#partitions.get(key);
      if (partition === undefined) this.#partitions.set(key, { maxTime: event.time, lastBatch: this.#batch });
      else {
        if (event.time > partition.maxTime) partition.maxTime = event.time;
        else if (event.time < partition.maxTime - this.#allowedLateness) late++;
        partition.lastBatch = this.#batch;
      }
    }
    this.#advance();
    return late;
  }

  /**
   * Records progress a source knows of without events (a skipped file):
   * the partition is alive and has been read up to `time`.
   */
  observeProgress(source: string, account: string | undefined, region: string | undefined, time: number): void {
    const key = `${source}\u0000${account ?? ''}\u0000${region ?? ''}`;
    const partition = this.#partitions.get(key);
    if (partition === undefined) this.#partitions.set(key, { maxTime: time, lastBatch: this.#batch });
    else {
      if (time > partition.maxTime) partition.maxTime = time;
      partition.lastBatch = this.#batch;
    }
    this.#advance();
  }

  /** Live partitions: bounded by the number of (source, account, region) triples still sending. */
  get partitions(): number {
    return this.#partitions.size;
  }

  #advance(): void {
    let min = Number.POSITIVE_INFINITY;
    for (const [key, partition] of this.#partitions) {
      if (this.#batch - partition.lastBatch > this.#idleAfterBatches) {
        this.#partitions.delete(key);
        continue;
      }
      if (partition.maxTime < min) min = partition.maxTime;
    }
    if (min !== Number.POSITIVE_INFINITY && min > this.#frontier) this.#frontier = min;
  }
}
