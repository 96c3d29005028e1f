import { CounterSet, type PipelineResult } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.ts';
import { unattributedErrors } from './unattributed-errors.ts';

const result = (overrides: Partial<PipelineResult> = {}): PipelineResult => ({
  pipeline: 'default',
  drained: false,
  eventsRead: { file: 4 },
  rejected: {},
  prefiltered: { files: 0, records: 0 },
  skippedEntries: { count: 0, byReason: {}, named: [] },
  unmatched: 0,
  late: 0,
  findings: { 'aws-bedrock-logging-deletion': 4 },
  sinks: { stdout: { accepted: 4, delivered: 4, retried: 0, deadLettered: 0, queued: 0, lost: 0, countedBy: 'sink' } },
  failures: [],
  errors: {},
  durationMs: 1200,
  ...overrides,
});

describe('formatSummary', () => {
  it('shows what each sink accepted, and nothing alarming when all went well', () => {
    const text = formatSummary([result()]);
    expect(text).toContain('  sink stdout: delivered 4, retried 0, dead-lettered 0, queued 0 (accepted 4)\n');
    expect(text).not.toMatch(/LOST|ERRORS|FAILED/);
  });

  it('shows lost findings, runtime-counted sinks, error-level reports per component, and reports outside the pipelines', () => {
    const text = formatSummary(
      [
        result({
          sinks: {
            webhook: { accepted: 4, delivered: 0, retried: 0, deadLettered: 0, queued: 0, lost: 4 },
            'acme-siem': { accepted: 4, delivered: 1, retried: 0, deadLettered: 0, queued: 0, lost: 3, countedBy: 'runtime' },
          },
          errors: { webhook: 3, file: 1 },
        }),
      ],
      { checkpoints: 2 },
    );
    expect(text).toContain('  sink webhook: delivered 0, retried 0, dead-lettered 0, queued 0, LOST 4 (accepted 4)\n');
    expect(text).toContain('  sink acme-siem: delivered 1, retried 0, dead-lettered 0, queued 0, LOST 3 (accepted 4; counted by the runtime: the sink reports no stats)\n');
    expect(text).toContain('  ERRORS:   webhook 3, file 1 (error-level reports, logged above)\n');
    expect(text).toContain("ERRORS outside the pipelines' components: checkpoints 2 (logged above)\n");
  });
});

describe('unattributedErrors', () => {
  it('returns the error counts of ids no pipeline result shows', () => {
    const telemetry = new CounterSet();
    telemetry.add('jackwatch.component.errors', 2, { component: 'webhook' });
    telemetry.add('jackwatch.component.errors', 1, { component: 'checkpoints' });
    telemetry.add('jackwatch.source.events.read', 5, { source: 'file' });
    expect(unattributedErrors(telemetry, [result({ errors: { webhook: 2 } })])).toEqual({ checkpoints: 1 });
    expect(unattributedErrors(new CounterSet(), [result()])).toEqual({});
  });
});
