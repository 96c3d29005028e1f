import type { Detector } from '../component/detector.ts';
import type { Processor } from '../component/processor.ts';
import type { Sink } from '../component/sink.ts';
import type { Source } from '../component/source.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import type { Logger } from '../services/logger.ts';
import type { Telemetry } from '../services/telemetry.ts';

/** A component with the id it is known by in counters and logs. */
export interface Named<T> {
  readonly id: string;
  readonly component: T;
}

/** The components one pipeline wires together: `sources → processors → detectors → sinks`. */
export interface PipelineParts {
  readonly sources: readonly Named<Source>[];
  readonly processors?: readonly Named<Processor>[];
  readonly detectors: readonly Named<Detector>[];
  readonly sinks: readonly Named<Sink>[];
}

/** How a pipeline runs. Every field has a default. */
export interface PipelineOptions {
  /** Pipeline id for logs and counters. Default `default`. */
  readonly id?: string;
  /** Watermark = newest event time (min over live partitions) minus this. Default 15 minutes. */
  readonly allowedLateness?: number;
  /** Sort events within `lateness` before the detectors. Off by default. */
  readonly ordering?: { readonly lateness: number };
  /** Batches read ahead of the sinks at most. Default 8. */
  readonly maxInFlightBatches?: number;
  /** Flush sinks and commit checkpoints after this many retired batches at most. Default 64. */
  readonly checkpointEvery?: number;
  /**
   * The longest span checkpoints wait for: a batch is committed once the
   * watermark has passed it by the detectors' longest span, but never more
   * than this (a 7-day baseline detector must not make a restart re-read a
   * week). State older than this is lost on restart. Default 1 hour.
   */
  readonly maxReplaySpan?: number;
  /** Capacity of the ordering buffer in events. Default 1,000,000. */
  readonly orderingCapacity?: number;
  readonly telemetry?: Telemetry;
  readonly logger?: Logger;
  /** Where rejections and component errors go; default counts them in `telemetry` and logs through `logger`. */
  readonly errors?: ErrorReporter;
}
