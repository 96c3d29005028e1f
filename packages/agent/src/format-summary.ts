import { printable, type PipelineResult, type SinkStats } from '@jackwatch/core';

const entries = (record: Readonly<Record<string, number>>): string =>
  Object.entries(record)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ') || 'none';

const NAMED_IN_SUMMARY = 10;

/** One sink's line: its outcomes, then what they add up to. */
function sinkLine(sink: string, s: SinkStats): string {
  const lost = s.lost ? `, LOST ${s.lost}` : '';
  const counted = s.countedBy === 'runtime' ? '; counted by the runtime: the sink reports no stats' : '';
  return `  sink ${sink}: delivered ${s.delivered}, retried ${s.retried}, dead-lettered ${s.deadLettered}, queued ${s.queued}${lost} (accepted ${s.accepted}${counted})`;
}

/**
 * The run summary printed on stderr at the end of a run: events read,
 * rejected by reason, input entries skipped (the first ones by path),
 * findings per detector, each sink's accounting
 * (`accepted = delivered + dead-lettered + lost + queued`), error-level
 * reports per component, and failed components; then `otherErrors`, the
 * error-level reports of no pipeline's components.
 */
export function formatSummary(results: readonly PipelineResult[], otherErrors: Readonly<Record<string, number>> = {}): string {
  const lines: string[] = [];
  for (const r of results) {
    const read = Object.values(r.eventsRead).reduce((a, b) => a + b, 0);
    const seconds = r.durationMs / 1000;
    lines.push(`pipeline ${r.pipeline}${r.drained ? ' (drained)' : ''}: ${read} events in ${seconds.toFixed(1)}s`);
    lines.push(`  read:     ${entries(r.eventsRead)}`);
    lines.push(`  rejected: ${entries(r.rejected)}${r.late > 0 ? `; late: ${r.late}` : ''}`);
    if (r.prefiltered.files + r.prefiltered.records > 0) {
      lines.push(`  skipped:  ${r.prefiltered.files} files and ${r.prefiltered.records} records no detector can match (prefilter)`);
    }
    if (r.skippedEntries.count > 0) lines.push(...skippedEntryLines(r));
    if (r.unmatched > 0) lines.push(`  passed:   ${r.unmatched} more records decoded and valid that no detector can match`);
    lines.push(`  findings: ${entries(r.findings)}`);
    for (const [sink, s] of Object.entries(r.sinks)) lines.push(sinkLine(sink, s));
    if (Object.keys(r.errors).length > 0) lines.push(`  ERRORS:   ${entries(r.errors)} (error-level reports, logged above)`);
    for (const f of r.failures) lines.push(`  FAILED ${f.component}: ${printable(f.message)}`);
  }
  if (Object.keys(otherErrors).length > 0) lines.push(`ERRORS outside the pipelines' components: ${entries(otherErrors)} (logged above)`);
  return `${lines.join('\n')}\n`;
}

function skippedEntryLines({ skippedEntries: skipped }: PipelineResult): string[] {
  const lines = [`  skipped:  ${skipped.count} ${skipped.count === 1 ? 'entry' : 'entries'} that cannot be read as CloudTrail: ${entries(skipped.byReason)}`];
  for (const { reason, path } of skipped.named.slice(0, NAMED_IN_SUMMARY)) lines.push(`            ${reason}: ${printable(path)}`);
  const more = skipped.count - Math.min(skipped.named.length, NAMED_IN_SUMMARY);
  if (more > 0) lines.push(`            and ${more} more (each in the log, at debug level after a source's first 100)`);
  return lines;
}
