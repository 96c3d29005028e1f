import type { Detector } from '../component/detector.ts';
import { METRICS } from '../services/metric-catalog.ts';
import type { ObservationRecorder, Telemetry } from '../services/telemetry.ts';
import type { AccountedSink } from './accounted-sink.ts';
import type { ComponentState } from './component-status.ts';
import { lagByPartition, lagBySource } from './lag-by-partition.ts';
import type { Named } from './pipeline-parts.ts';
import type { PartitionTime } from './watermark-tracker.ts';

/** What {@link observePipeline} reads, each time the metrics are collected. */
export interface ObservedPipeline {
  readonly id: string;
  readonly sinks: readonly Named<AccountedSink>[];
  readonly detectors: readonly Named<Detector>[];
  readonly watermark: () => number;
  readonly partitions: () => Iterable<PartitionTime>;
  readonly states: ReadonlyMap<string, ComponentState>;
  readonly now: () => number;
}

/**
 * Registers the pipeline's observed metrics in `telemetry`: its sinks'
 * accounting (the numbers the run summary prints), its detectors' live
 * state, event-time lags per pipeline, source and partition, and whether
 * each source and sink is up.
 *
 * The observations hold `observed` weakly: the caller keeps it alive (the
 * pipeline holds it), and once the pipeline is let go of, its observations
 * drop out of a telemetry that outlives it.
 */
export function observePipeline(telemetry: Telemetry, observed: ObservedPipeline): void {
  const held = new WeakRef(observed);
  const observe = (name: string, read: (pipeline: ObservedPipeline, record: ObservationRecorder) => void): void =>
    telemetry.observe(name, (record) => {
      const pipeline = held.deref();
      if (pipeline === undefined) return false;
      read(pipeline, record);
    });
  const sinkOutcomes = [
    [METRICS.sinkAccepted, 'accepted'],
    [METRICS.sinkDelivered, 'delivered'],
    [METRICS.sinkRetried, 'retried'],
    [METRICS.sinkDeadLettered, 'deadLettered'],
    [METRICS.sinkLost, 'lost'],
    [METRICS.sinkQueued, 'queued'],
  ] as const;
  for (const [metric, field] of sinkOutcomes) {
    observe(metric.name, (pipeline, record) => {
      for (const { id, component } of pipeline.sinks) record(component.stats()[field], { sink: id });
    });
  }
  observe(METRICS.detectorState.name, (pipeline, record) => {
    for (const { id, component } of pipeline.detectors) record(component.stateSize(), { pipeline: pipeline.id, detector: id });
  });
  observe(METRICS.watermarkLag.name, (pipeline, record) => {
    const watermark = pipeline.watermark();
    if (Number.isFinite(watermark)) record(Math.max(0, (pipeline.now() - watermark) / 1000), { pipeline: pipeline.id });
  });
  observe(METRICS.partitionEventTimeLag.name, (pipeline, record) => {
    for (const { source, account, region, seconds } of lagByPartition(pipeline.partitions(), pipeline.now())) {
      record(seconds, { pipeline: pipeline.id, source, account, region });
    }
  });
  observe(METRICS.eventTimeLag.name, (pipeline, record) => {
    for (const [source, seconds] of lagBySource(lagByPartition(pipeline.partitions(), pipeline.now()))) record(seconds, { pipeline: pipeline.id, source });
  });
  observe(METRICS.componentUp.name, (pipeline, record) => {
    for (const [component, state] of pipeline.states) record(state === 'running' ? 1 : 0, { pipeline: pipeline.id, component });
  });
}
