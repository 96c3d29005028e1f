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
