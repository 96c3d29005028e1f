import { pipelineProblems, type PipelineResult } from '@jackwatch/core';

const NAMED_ENTRIES = 10;

/** One sink's accounting in the JSON run summary: `accepted = delivered + deadLettered + lost + queued`. */
export interface SinkSummary {
  readonly accepted: number;
  readonly delivered: number;
  readonly retried: number;
  readonly deadLettered: number;
  readonly queued: number;
  readonly lost: number;
  /** `runtime` when the sink reports no stats and the pipeline counted for it. */
  readonly countedBy: 'sink' | 'runtime';
}

/** One pipeline in the JSON run summary: its `PipelineResult`, with totals and every field always present. */
export interface PipelineSummary {
  readonly pipeline: string;
  readonly drained: boolean;
  readonly durationMs: number;
  readonly eventsRead: { readonly total: number; readonly bySource: Readonly<Record<string, number>> };
  readonly rejected: { readonly total: number; readonly byReason: Readonly<Record<string, number>> };
  readonly late: number;
  readonly unmatched: number;
  readonly prefiltered: { readonly files: number; readonly records: number };
  /** Entries that cannot be read as CloudTrail; `named` holds the first 10. */
  readonly skippedEntries: { readonly count: number; readonly byReason: Readonly<Record<string, number>>; readonly named: readonly { readonly path: string; readonly reason: string }[] };
  readonly findings: { readonly total: number; readonly byDetector: Readonly<Record<string, number>> };
  readonly sinks: Readonly<Record<string, SinkSummary>>;
  /** Error-level reports per component id. */
  readonly errors: Readonly<Record<string, number>>;
  readonly failures: readonly { readonly component: string; readonly message: string }[];
  /** What went wrong, one sentence each (`pipelineProblems`); empty when nothing did. */
  readonly problems: readonly string[];
}

/**
 * The run summary as one JSON log line (`logs.format: json`): the same
 * facts as the text summary, with stable field names. `level` is `error`
 * when the run exits 1, else `info`.
 */
export interface RunSummaryRecord {
  readonly time: string;
  readonly level: 'info' | 'error';
  readonly message: 'run summary';
  readonly exitCode: number;
  readonly pipelines: readonly PipelineSummary[];
  /** Error-level reports under ids no pipeline lists. */
  readonly otherErrors: Readonly<Record<string, number>>;
}

const sum = (record: Readonly<Record<string, number>>): number => Object.values(record).reduce((a, b) => a + b, 0);

/** Builds the {@link RunSummaryRecord} of a run from its pipeline results. */
export function runSummaryRecord(results: readonly PipelineResult[], otherErrors: Readonly<Record<string, number>>, exitCode: number, now: Date = new Date()): RunSummaryRecord {
  return {
    time: now.toISOString(),
    level: exitCode === 0 ? 'info' : 'error',
    message: 'run summary',
    exitCode,
    pipelines: results.map(pipelineSummary),
    otherErrors: { ...otherErrors },
  };
}

function pipelineSummary(r: PipelineResult): PipelineSummary {
  const sinks: Record<string, SinkSummary> = {};
  for (const [id, s] of Object.entries(r.sinks)) {
    sinks[id] = { accepted: s.accepted, delivered: s.delivered, retried: s.retried, deadLettered: s.deadLettered, queued: s.queued, lost: s.lost ?? 0, countedBy: s.countedBy ?? 'sink' };
  }
  return {
    pipeline: r.pipeline,
    drained: r.drained,
    durationMs: Math.round(r.durationMs),
    eventsRead: { total: sum(r.eventsRead), bySource: { ...r.eventsRead } },
    rejected: { total: sum(r.rejected), byReason: { ...r.rejected } },
    late: r.late,
    unmatched: r.unmatched,
    prefiltered: { files: r.prefiltered.files, records: r.prefiltered.records },
    skippedEntries: { count: r.skippedEntries.count, byReason: { ...r.skippedEntries.byReason }, named: r.skippedEntries.named.slice(0, NAMED_ENTRIES).map(({ path, reason }) => ({ path, reason })) },
    findings: { total: sum(r.findings), byDetector: { ...r.findings } },
    sinks,
    errors: { ...r.errors },
    failures: r.failures.map(({ component, message }) => ({ component, message })),
    problems: pipelineProblems(r),
  };
}
