import type { Detector } from '../component/detector.ts';
import type { Processor } from '../component/processor.ts';
import type { Sink } from '../component/sink.ts';
import type { Source } from '../component/source.ts';
import type { PipelineOptions } from '../runtime/pipeline-parts.ts';
import { EmbeddedPipeline } from './embedded-pipeline.ts';
import { nameDetectors, nameParts, type Nameable } from './name-parts.ts';

/** The parts of an embedded pipeline; only `detectors` is required. */
export interface EmbedParts {
  /** Where events come from (see `eventSource`); none means the run ends at once. */
  readonly sources?: readonly Nameable<Source>[];
  readonly processors?: readonly Nameable<Processor>[];
  /** Detectors, each named after its rule id unless given `{ id, component }`. */
  readonly detectors: readonly Nameable<Detector>[];
  /** Where findings go (see `callbackSink`); `pipeline.findings` also streams them. */
  readonly sinks?: readonly Nameable<Sink>[];
}

/**
 * Builds a pipeline from parts made in code: the runtime's own
 * {@link EmbeddedPipeline} (backpressure, per-partition watermarks, ordering,
 * checkpoint acks), without a config file. Nothing is global: every
 * pipeline has its own telemetry unless one is passed, writes nothing to the
 * console and never exits the process.
 *
 * @example
 * ```ts
 * const pipeline = createPipeline({
 *   sources: [eventSource(records)],
 *   detectors: [enumThenInvokeRule(enumThenInvokeConfigSchema.parse({}))],
 *   sinks: [callbackSink((findings) => queue.send(findings))],
 * }, { allowedLateness: 5 * 60_000 });
 * const result = await pipeline.run(signal);
 * await pipeline.shutdown();
 * ```
 */
export function createPipeline(parts: EmbedParts, options: PipelineOptions = {}): EmbeddedPipeline {
  return new EmbeddedPipeline(
    {
      sources: nameParts('source', parts.sources ?? []),
      processors: nameParts('processor', parts.processors ?? []),
      detectors: nameDetectors(parts.detectors),
      sinks: nameParts('sink', parts.sinks ?? []),
    },
    options,
  );
}
