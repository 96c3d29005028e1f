import type { PipelineResult } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.ts';

function result(skippedEntries: PipelineResult['skippedEntries']): PipelineResult {
  return {
    pipeline: 'default',
    drained: false,
    eventsRead: { file: 3 },
    rejected: {},
    prefiltered: { files: 0, records: 0 },
    skippedEntries,
    unmatched: 0,
    late: 0,
    findings: {},
    sinks: {},
    failures: [],
    errors: {},
    durationMs: 1000,
  };
}

describe('formatSummary: skipped entries', () => {
  it('says nothing of skipped entries when there are none', () => {
    expect(formatSummary([result({ count: 0, byReason: {}, named: [] })])).not.toContain('cannot be read as CloudTrail');
  });

  it('counts them by reason and names the first ten, then how many more', () => {
    const named = Array.from({ length: 12 }, (_, i) => ({ path: `/logs/p${i}.json`, reason: 'fifo' }));
    const text = formatSummary([result({ count: 130, byReason: { fifo: 129, empty: 1 }, named })]);
    expect(text).toContain('  skipped:  130 entries that cannot be read as CloudTrail: fifo 129, empty 1\n            fifo: /logs/p0.json\n');
    expect(text).toContain('            fifo: /logs/p9.json\n            and 120 more (each in the log, at debug level after a source\'s first 100)\n');
    expect(text).not.toContain('/logs/p10.json');
    expect(formatSummary([result({ count: 1, byReason: { socket: 1 }, named: [{ path: '/logs/s.json', reason: 'socket' }] })])).toContain(
      '  skipped:  1 entry that cannot be read as CloudTrail: socket 1\n            socket: /logs/s.json\n  findings:',
    );
  });
});
