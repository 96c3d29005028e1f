import type { Telemetry } from '../services/telemetry.ts';
import type { AccountedSink } from './accounted-sink.ts';
import type { Named } from './pipeline-parts.ts';
import type { PipelineResult, SkippedEntries } from './pipeline-result.ts';
import { METRICS } from '../services/metric-catalog.ts';

/** What {@link summarize} reads a run's result from. */
export interface SummaryInput {
  readonly pipeline: string;
  readonly drained: boolean;
  readonly telemetry: Telemetry;
  readonly sources: readonly string[];
  readonly processors: readonly string[];
  readonly detectors: readonly string[];
  readonly sinks: readonly Named<AccountedSink>[];
  readonly late: number;
  readonly failures: readonly { readonly component: string; readonly message: string }[];
  readonly durationMs: number;
}

/** Builds a {@link PipelineResult} from the pipeline's counters and its sinks' accounting. */
export function summarize(input: SummaryInput): PipelineResult {
  const components = [input.pipeline, ...input.sources, ...input.processors, ...input.detectors, ...input.sinks.map((s) => s.id)];
  const errors: Record<string, number> = {};
  for (const component of new Set(components)) {
    const count = input.telemetry.total(METRICS.componentErrors.name, { component });
    if (count > 0) errors[component] = count;
  }
  const rejected: Record<string, number> = {};
  for (const counter of input.telemetry.snapshot()) {
    if (counter.name !== METRICS.eventsRejected.name || !input.sources.includes(counter.labels.source ?? '')) continue;
    const reason = counter.labels.reason ?? 'unknown';
    rejected[reason] = (rejected[reason] ?? 0) + counter.value;
  }
  return {
    pipeline: input.pipeline,
    drained: input.drained,
    eventsRead: Object.fromEntries(input.sources.map((id) => [id, input.telemetry.total(METRICS.eventsRead.name, { pipeline: input.pipeline, source: id })])),
    rejected,
    prefiltered: {
      files: input.sources.reduce((n, source) => n + input.telemetry.total(METRICS.filesPrefiltered.name, { source }), 0),
      records: input.sources.reduce((n, source) => n + input.telemetry.total(METRICS.recordsPrefiltered.name, { source }), 0),
    },
    skippedEntries: skippedEntries(input),
    unmatched: input.sources.reduce((n, source) => n + input.telemetry.total(METRICS.recordsUnmatched.name, { source }), 0),
    late: input.late,
    findings: Object.fromEntries(input.detectors.map((id) => [id, input.telemetry.total(METRICS.findings.name, { pipeline: input.pipeline, detector: id })])),
    sinks: Object.fromEntries(input.sinks.map(({ id, component }) => [id, component.stats()])),
    failures: input.failures,
    errors,
    durationMs: input.durationMs,
  };
}

function skippedEntries(input: SummaryInput): SkippedEntries {
  let count = 0;
  const byReason: Record<string, number> = {};
  const named: { path: string; reason: string }[] = [];
  for (const counter of input.telemetry.snapshot()) {
    if (counter.name !== METRICS.entriesSkipped.name || !input.sources.includes(counter.labels.source ?? '')) continue;
    const reason = counter.labels.reason ?? 'unknown';
    count += counter.value;
    byReason[reason] = (byReason[reason] ?? 0) + counter.value;
    if (counter.labels.path !== undefined) named.push({ path: counter.labels.path, reason });
  }
  return { count, byReason, named };
}
