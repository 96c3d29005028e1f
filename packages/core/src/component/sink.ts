import type { Finding } from '../finding/finding.ts';

/** Delivery accounting of a sink: `accepted = delivered + deadLettered + queued`. */
export interface SinkStats {
  readonly accepted: number;
  readonly delivered: number;
  /** Delivery attempts that were retried. */
  readonly retried: number;
  readonly deadLettered: number;
  readonly queued: number;
  /**
   * Findings neither delivered nor dead-lettered (the dead-letter file could
   * not be written); absent means none. At every moment
   * `accepted = delivered + deadLettered + lost + queued`.
   */
  readonly lost?: number;
}

/**
 * Delivers findings, with the OpenTelemetry exporter shape.
 *
 * `export` resolves once the findings are accepted into the sink's bounded
 * queue (so awaiting it is the pipeline's backpressure); `forceFlush`
 * resolves once everything accepted so far was delivered or dead-lettered;
 * `shutdown` flushes, then releases resources, and is idempotent.
 */
export interface Sink {
  start(): Promise<void>;
  export(findings: readonly Finding[]): Promise<void>;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  stats(): SinkStats;
}
