import { table } from './format.ts';
import { LATENCY_PATHS, type LatencyPath } from './latency-backends.ts';
import { TRAFFIC } from './latency-traffic.ts';
import { runChild } from './run-child.ts';

/** The reorder window of the `ordering` runs: events are held until the watermark is this far past them. */
export const LATENCY_ORDERING = '2s';
const TARGET_P99_MS = 1000;

const LABELS: Record<LatencyPath, string> = {
  file: 'file, `follow: true` (NDJSON appended every 100 ms)',
  sqs: 's3 via SQS (an object every 250 ms, announced on SQS)',
  cwl: 'cloudwatch-logs, `mode: tail` (events put every 100 ms)',
};

/** The value at quantile `q` (nearest rank) of ascending `sorted`. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * Time from write to finding on each live path, with the default config and
 * with `ordering: { lateness }`: one child process per run, each starting the
 * real CLI against a followed file, fauxqs with SQS, or the CloudWatch Logs fake.
 */
export async function latencySection(work: string, seconds: number, log: (line: string) => void): Promise<string> {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const path of LATENCY_PATHS) {
    for (const lateness of [undefined, LATENCY_ORDERING]) {
      log(`latency: ${path}${lateness === undefined ? '' : `, ordering ${lateness}`} for ${seconds} s…`);
      const m = await runChild('latency.ts', [work, '--path', path, '--seconds', String(seconds), ...(lateness === undefined ? [] : ['--lateness', lateness])]);
      const details = m.details as { triggers: number; latenciesMs: number[] };
      const sorted = [...details.latenciesMs].sort((a, b) => a - b);
      const config = lateness === undefined ? 'defaults' : `\`ordering: { lateness: ${lateness} }\``;
      if (sorted.length === 0) {
        rows.push([LABELS[path], config, `0 of ${details.triggers}`, '', '', '']);
        continue;
      }
      const ms = (value: number): string => `${Math.round(value)} ms`;
      rows.push([LABELS[path], config, `${sorted.length} of ${details.triggers}`, ms(quantile(sorted, 0.5)), ms(quantile(sorted, 0.99)), ms(sorted[sorted.length - 1]!)]);
      if (lateness === undefined && path !== 'cwl') {
        const p99 = quantile(sorted, 0.99);
        verdicts.push(`${path}: p99 ${ms(p99)} (target ≤ ${TARGET_P99_MS} ms: ${p99 <= TARGET_P99_MS ? 'met' : 'missed'})`);
      }
    }
  }
  return [
    `### Latency: write to finding (${TRAFFIC.eventsPerSecond.toLocaleString('en-US')} events/s, ${TRAFFIC.bedrockShare * 100}% Bedrock, one rule B trigger a second, ${seconds} s per run)`,
    '',
    table(['path', 'config', 'findings', 'p50', 'p99', 'max'], ['l', 'l', 'r', 'r', 'r', 'r'], rows),
    '',
    `From just before the write to the finding's line on the agent's stdout (the \`stdout\` sink; a \`webhook\` sink adds up to its \`batch.maxWait\`, 1 s by default). ${verdicts.join('; ')}.`,
  ].join('\n');
}
