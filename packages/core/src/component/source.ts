import type { TrailEvent } from '../event/trail-event.ts';

/**
 * A unit of input: the events of one delivery file, one S3 object, one page
 * of log events. Events move through the pipeline in batches.
 */
export interface SourceBatch {
  readonly events: readonly TrailEvent[];
  /**
   * Called once every finding derived from these events was handed to every
   * sink and detector state no longer needs them (the watermark passed them
   * by the detectors' longest span), or at the end of the run. Commit the
   * checkpoint or delete the queue message here. Called at most once, in
   * the order batches were yielded by this source.
   */
  readonly ack?: () => Promise<void>;
  /** Compressed or raw bytes read, for progress and throughput. */
  readonly bytes?: number;
  /**
   * How far in event time this batch's input reached, when that is known
   * beyond its events — e.g. a delivery file whose records were all skipped
   * by a prefilter still tells, by its name, that its account and region
   * have been read up to its timestamp. Lets the watermark advance (and
   * checkpoints commit) while nothing relevant arrives.
   */
  readonly progress?: SourceProgress;
}

/** Event-time progress of one partition (account, region) of a source. */
export interface SourceProgress {
  /** Epoch ms: no record of this partition older than this is still to come from this input. */
  readonly time: number;
  readonly account?: string;
  readonly region?: string;
}

/**
 * A pull-based producer of CloudTrail events. The runtime pulls the next
 * batch only when the pipeline has room, so a slow sink slows the reading.
 *
 * Lifecycle: `start` checks access and returns quickly (a bad bucket or path
 * fails here, with a clear message); `read` yields until the input ends (a
 * finite source) or `signal` aborts (drain); `shutdown` is idempotent and
 * safe without `start`.
 */
export interface Source {
  start(): Promise<void>;
  read(signal: AbortSignal): AsyncIterable<SourceBatch>;
  shutdown(): Promise<void>;
}
