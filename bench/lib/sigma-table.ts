import { megabytes, table, thousands } from './format.ts';
import { median } from './median.ts';
import type { RoundResults } from './round-results.ts';
import type { Row } from './rows.ts';

/** The Sigma rows: records/s, events read and Sigma findings (of the last round), peak RSS and × floor (paired per round). */
export function sigmaTable(rows: readonly Row[], results: RoundResults): string {
  const lines = rows.map((row) => {
    const runs = results.runs(row.key);
    const rate = results.rate(row.key);
    if (rate === undefined) return [row.label, 'failed', '', '', '', ''];
    const last = runs[runs.length - 1]!.details as { eventsRead: Record<string, number>; sigmaFindings: Record<string, number> };
    const read = Object.values(last.eventsRead).reduce((a, b) => a + b, 0);
    const findings = Object.values(last.sigmaFindings).reduce((a, b) => a + b, 0);
    const floor = results.ratio({ label: '', of: row.key, to: 'a' });
    return [row.label, thousands(rate.median), thousands(read), thousands(findings), `${megabytes(median(runs.map((m) => m.maxRssKb * 1024)))} MB`, floor === undefined ? '' : floor.median.toFixed(2)];
  });
  return [
    "With Sigma rules (the four shipped detectors plus the SigmaHQ CloudTrail rules; the shipped detectors' findings are checked as above):",
    '',
    table(['row', 'records/s', 'events read', 'Sigma findings', 'peak RSS', '× floor'], ['l', 'r', 'r', 'r', 'r', 'r'], lines),
    '',
    'One rule, AssumeRole Misuse, makes a finding of most records; four can match any event (their interest is all), which turns the prefilter off, and three test event names of any source (routed by name, every record parsed); the last row leaves those seven out.',
  ].join('\n');
}
