import { table } from './format.ts';
import { LATENCY_PATHS, type LatencyPath } from './latency-backends.ts';
import { TRAFFIC } from './latency-traffic.ts';
import { runChild } from './run-child.ts';

/** The reorder window of the `ordering` runs: events are held until the watermark is this far past them. */
export const LATENCY_ORDERING = '2s';
/** The file source's `pollInterval` before its default became 500ms, to show what a longer listing interval costs. */
export const FILE_POLL_PROBE = '2s';

interface LatencyRun {
  readonly path: LatencyPath;
  readonly lateness?: string;
  readonly pollInterval?: string;
}

const RUNS: readonly LatencyRun[] = [
  ...LATENCY_PATHS.flatMap((path): LatencyRun[] => [{ path }, { path, lateness: LATENCY_ORDERING }]),
  { path: 'file', pollInterval: FILE_POLL_PROBE },
];
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
 * with `ordering: { lateness }` (and the file path with the former 2 s
 * `pollInterval`): one child process per run, each starting the real CLI
 * against a followed file, fauxqs with SQS, or the CloudWatch Logs fake.
 */
export async function latencySection(work: string, seconds: number, log: (line: string) => void): Promise<string> {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const { path, lateness, pollInterval } of RUNS) {
    const config = lateness !== undefined ? `\`ordering: { lateness: ${lateness} }\`` : pollInterval !== undefined ? `\`pollInterval: ${pollInterval}\`` : 'defaults';
    log(`latency: ${path}, ${config}, for ${seconds} s…`);
    const m = await runChild('latency.ts', [
      work, '--path', path, '--seconds', String(seconds),
      ...(lateness === undefined ? [] : ['--lateness', lateness]),
      ...(pollInterval === undefined ? [] : ['--poll-interval', pollInterval]),
    ]);
    const details = m.details as { triggers: number; latenciesMs: number[] };
    const sorted = [...details.latenciesMs].sort((a, b) => a - b);
    if (sorted.length === 0) {
      rows.push([LABELS[path], config, `0 of ${details.triggers}`, '', '', '']);
      continue;
    }
    const ms = (value: number): string => `${Math.round(value)} ms`;
    rows.push([LABELS[path], config, `${sorted.length} of ${details.triggers}`, ms(quantile(sorted, 0.5)), ms(quantile(sorted, 0.99)), ms(sorted[sorted.length - 1]!)]);
    if (config === 'defaults' && path !== 'cwl') {
      const p99 = quantile(sorted, 0.99);
      verdicts.push(`${path}: p99 ${ms(p99)} with the defaults (target ≤ ${TARGET_P99_MS} ms: ${p99 <= TARGET_P99_MS ? 'met' : 'missed'})`);
    }
  }
  return [
    `### Latency: write to finding (${TRAFFIC.eventsPerSecond.toLocaleString('en-US')} events/s, ${TRAFFIC.bedrockShare * 100}% Bedrock, one rule B trigger a second, ${seconds} s per run)`,
    '',
    table(['path', 'config', 'findings', 'p50', 'p99', 'max'], ['l', 'l', 'r', 'r', 'r', 'r'], rows),
    '',
    `From just before the write to the finding's line on the agent's stdout (the \`stdout\` sink; a \`webhook\` sink adds up to its \`batch.maxWait\`, 1 s by default). ${verdicts.join('; ')}. ` +
      'The file path waits for the next listing (`pollInterval`, 500 ms by default); SQS long polls return as a message arrives; ' +
      'Live Tail pushes events as they are ingested. With `ordering`, an event waits until events of its account and region ' +
      `${LATENCY_ORDERING} newer have arrived. Against AWS, CloudTrail's own delivery (about 5 minutes to S3, and then to CloudWatch Logs) comes first, ` +
      'and the `cloudwatch-logs` pull mode reads only up to `now − ingestionDelay` (5 minutes by default, by design) every `pollInterval` (30 s).',
  ].join('\n');
}
