import type { PipelineResult } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { runSummaryRecord } from './run-summary-record.ts';

const result = (overrides: Partial<PipelineResult> = {}): PipelineResult => ({
  pipeline: 'default',
  drained: false,
  eventsRead: { file: 90, 's3/prod': 10 },
  rejected: { 'malformed-json': 2, 'missing-event-time': 1 },
  prefiltered: { files: 3, records: 40 },
  skippedEntries: { count: 12, byReason: { 'empty file': 12 }, named: Array.from({ length: 12 }, (_, i) => ({ path: `/logs/${i}.json`, reason: 'empty file' })) },
  unmatched: 5,
  late: 1,
  findings: { 'aws-bedrock-logging-deletion': 2, 'aws-bedrock-invocation-burst': 1 },
  sinks: { stdout: { accepted: 3, delivered: 3, retried: 0, deadLettered: 0, queued: 0 }, 'acme-queue': { accepted: 3, delivered: 1, retried: 4, deadLettered: 1, queued: 0, lost: 1, countedBy: 'runtime' } },
  failures: [],
  errors: { 'acme-queue': 1 },
  durationMs: 1234,
  ...overrides,
});

describe('runSummaryRecord', () => {
  it('holds every fact of the text summary with totals, every field present, under stable names', () => {
    const record = runSummaryRecord([result()], { 'telemetry-exporter': 2 }, 1, new Date('2026-12-05T21:00:00Z'));
    expect(record).toMatchObject({ time: '2026-12-05T21:00:00.000Z', level: 'error', message: 'run summary', exitCode: 1, otherErrors: { 'telemetry-exporter': 2 } });
    const [pipeline] = record.pipelines;
    expect(pipeline).toMatchObject({
      pipeline: 'default',
      drained: false,
      durationMs: 1234,
      eventsRead: { total: 100, bySource: { file: 90, 's3/prod': 10 } },
      rejected: { total: 3, byReason: { 'malformed-json': 2, 'missing-event-time': 1 } },
      late: 1,
      unmatched: 5,
      prefiltered: { files: 3, records: 40 },
      findings: { total: 3, byDetector: { 'aws-bedrock-logging-deletion': 2, 'aws-bedrock-invocation-burst': 1 } },
      errors: { 'acme-queue': 1 },
      failures: [],
    });
    // A sink that reports no `lost` gets 0; one counted by the runtime says so.
    expect(pipeline!.sinks['stdout']).toEqual({ accepted: 3, delivered: 3, retried: 0, deadLettered: 0, queued: 0, lost: 0, countedBy: 'sink' });
    expect(pipeline!.sinks['acme-queue']).toMatchObject({ lost: 1, countedBy: 'runtime' });
    expect(pipeline!.problems).toEqual(['sink acme-queue lost 1 finding(s)', 'acme-queue reported 1 error(s)']);
    // Bounded however many entries a source skipped: the first ten by path, the count in full.
    expect(pipeline!.skippedEntries.count).toBe(12);
    expect(pipeline!.skippedEntries.named).toHaveLength(10);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('is info-level for a clean run', () => {
    expect(runSummaryRecord([result({ errors: {}, sinks: {} })], {}, 0)).toMatchObject({ level: 'info', exitCode: 0, pipelines: [{ problems: [] }] });
  });
});
