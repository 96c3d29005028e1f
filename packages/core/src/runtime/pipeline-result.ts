import type { SinkStats } from '../component/sink.ts';

/** What one pipeline run did, for the run summary and for embedders. */
export interface PipelineResult {
  readonly pipeline: string;
  /** True when the run ended because `signal` aborted (drain), false when every source ended. */
  readonly drained: boolean;
  readonly eventsRead: Readonly<Record<string, number>>;
  readonly rejected: Readonly<Record<string, number>>;
  /** Input the sources skipped unparsed because no detector could match it (the prefilter). */
  readonly prefiltered: { readonly files: number; readonly records: number };
  /**
   * Entries of the sources' input that were not read because they cannot be
   * (a named pipe, a socket, an empty file, a broken link…): how many, by
   * reason, and the first ones by path.
   */
  readonly skippedEntries: SkippedEntries;
  /** Valid records the sources decoded but did not send on, because no detector can match them. */
  readonly unmatched: number;
  /** Events older than the watermark when they arrived (processed, best effort). */
  readonly late: number;
  readonly findings: Readonly<Record<string, number>>;
  /** Each sink's accounting, complete (`lost` always present) even for a sink that reports no stats. */
  readonly sinks: Readonly<Record<string, SinkStats>>;
  /** Sources that failed, with the reason; the others kept running. */
  readonly failures: readonly { readonly component: string; readonly message: string }[];
  /**
   * Error-level reports (`ErrorReporter.error`) per component id — this
   * pipeline's sources, processors, detectors and sinks, and the pipeline's
   * own id for checkpoint commits — counted in the pipeline's telemetry;
   * components with none are left out.
   */
  readonly errors: Readonly<Record<string, number>>;
  readonly durationMs: number;
}

/** Input entries a pipeline's sources skipped, from their `jackwatch.source.entries.skipped` counters. */
export interface SkippedEntries {
  readonly count: number;
  readonly byReason: Readonly<Record<string, number>>;
  /** The entries the sources named, in the order reported (a source names its first 100). */
  readonly named: readonly { readonly path: string; readonly reason: string }[];
}
