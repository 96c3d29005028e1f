import type { Finding } from '../finding/finding.ts';

/**
 * Delivery accounting of a sink. At every moment
 * `accepted = delivered + deadLettered + lost + queued`.
 */
export interface SinkStats {
  readonly accepted: number;
  readonly delivered: number;
  /** Delivery attempts that were retried. */
  readonly retried: number;
  readonly deadLettered: number;
  /** Accepted and not yet delivered, dead-lettered or lost (in flight included). */
  readonly queued: number;
  /**
   * Findings neither delivered nor dead-lettered, for good (a dead-letter file
   * or a stream that could not be written, an export that failed); absent
   * means none. The agent exits 1 when any sink lost a finding.
   */
  readonly lost?: number;
  /**
   * `runtime` when the sink reports no stats of its own and the pipeline
   * counted for it: handed to `export` = accepted, `export` resolved =
   * delivered, rejected = lost.
   */
  readonly countedBy?: 'sink' | 'runtime';
}

/**
 * Delivers findings, with the OpenTelemetry exporter shape.
 *
 * `export` resolves once the findings are accepted into the sink's bounded
 * queue (so awaiting it is the pipeline's backpressure); `forceFlush`
 * resolves once everything accepted so far was delivered or dead-lettered;
 * `shutdown` flushes, then releases resources, and is idempotent.
 *
 * A sink should write each finding through `safeFinding` or
 * `serializeFinding`, so that one finding whose evidence cannot be
 * serialised never costs the others.
 */
export interface Sink {
  start(): Promise<void>;
  /** Rejecting means the sink did not take these findings: the pipeline counts them lost unless `stats` accounts for them. */
  export(findings: readonly Finding[]): Promise<void>;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  /**
   * The sink's own accounting. Optional: without it the pipeline counts for
   * the sink from what it handed to `export` and whether `export` resolved
   * (delivered) or rejected (lost). With it, findings the pipeline handed
   * over whose `export` settled but that the sink never counted as accepted,
   * and accepted findings with no outcome, are counted lost.
   */
  stats?(): SinkStats;
}

/**
 * What a redelivery did. Every finding read is delivered, back in the
 * dead-letter file, or — when that file could not be written — `lost` from
 * this run but still in `<file>.redelivering`, which the next run resumes.
 */
export interface RedeliveryReport {
  /** The dead-letter file. */
  readonly file: string;
  /** Findings read from it. */
  readonly read: number;
  readonly delivered: number;
  /** Findings that failed again and were appended to the file anew. */
  readonly deadLettered: number;
  /** Findings that failed again and could not be appended; `<file>.redelivering` is kept so they are not gone. */
  readonly lost: number;
  /** Retry attempts made. */
  readonly retried: number;
  /** Lines that were not dead-letter entries; kept, verbatim, in the file. */
  readonly malformed: number;
  /** Lines left unsent because `signal` aborted; kept, verbatim, in the file. */
  readonly skipped: number;
  /** Whether an interrupted earlier redelivery (`<file>.redelivering`) was resumed instead of `<file>`. */
  readonly resumed: boolean;
}
