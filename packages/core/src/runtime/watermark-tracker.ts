import type { TrailEvent } from '../event/trail-event.ts';

interface PartitionState {
  readonly source: string;
  readonly account: string | undefined;
  readonly region: string | undefined;
  maxTime: number;
  lastBatch: number;
}

/** One live partition and the newest event time read from it. */
export interface PartitionTime {
  readonly source: string;
  readonly account: string | undefined;
  readonly region: string | undefined;
  /** Newest event time seen in the partition, epoch ms. */
  readonly newest: number;
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
    let last: PartitionState | undefined;
    let lastSource: string | undefined;
    let lastAccount: string | undefined;
    let lastRegion: string | undefined;
    for (const event of events) {
      // The events of one delivery file share their partition: look it up once per run of them.
      if (last === undefined || event.origin.source !== lastSource || event.account !== lastAccount || event.region !== lastRegion) {
        lastSource = event.origin.source;
        lastAccount = event.account;
        lastRegion = event.region;
        last = this.#partition(lastSource, lastAccount, lastRegion, event.time);
      }
      if (event.time > last.maxTime) last.maxTime = event.time;
      else if (event.time < last.maxTime - this.#allowedLateness) late++;
    }
    this.#advance();
    return late;
  }

  /**
   * Records progress a source knows of without events (a skipped file):
   * the partition is alive and has been read up to `time`.
   */
  observeProgress(source: string, account: string | undefined, region: string | undefined, time: number): void {
    const partition = this.#partition(source, account, region, time);
    if (time > partition.maxTime) partition.maxTime = time;
    this.#advance();
  }

  /** The partition's state, created at `time` when new, marked alive in this batch. */
  #partition(source: string, account: string | undefined, region: string | undefined, time: number): PartitionState {
    const key = `${source}\u0000${account ?? ''}\u0000${region ?? ''}`;
    let partition = this.#partitions.get(key);
    if (partition === undefined) {
      partition = { source, account, region, maxTime: time, lastBatch: this.#batch };
      this.#partitions.set(key, partition);
    } else partition.lastBatch = this.#batch;
    return partition;
  }

  /** The live partitions, in the order they were first seen. */
  *partitionTimes(): IterableIterator<PartitionTime> {
    for (const { source, account, region, maxTime } of this.#partitions.values()) yield { source, account, region, newest: maxTime };
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
