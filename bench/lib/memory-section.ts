import { megabytes, table, thousands } from './format.ts';
import { runChild } from './run-child.ts';

const MIB = 1048576;
const STATE_TARGET = 600 * MIB;
const COMPACT_RSS_TARGET = 600 * MIB;

interface LiveKeys {
  readonly baseRssKb: number;
  readonly liveBytes: number;
  readonly stateEntries: number;
  readonly afterEvictionBytes: number;
  readonly afterEvictionEntries: number;
}

interface Row {
  readonly label: string;
  readonly rules: 'seed' | 'pack';
  readonly evidence: 'full' | 'compact' | 'state';
}

const ROWS: readonly Row[] = [
  { label: 'four seed rules, evidence: full (the default)', rules: 'seed', evidence: 'full' },
  { label: 'four seed rules, evidence: compact', rules: 'seed', evidence: 'compact' },
  { label: 'aws-bedrock pack (12 rules), evidence: full', rules: 'pack', evidence: 'full' },
  { label: 'aws-bedrock pack, evidence: compact', rules: 'pack', evidence: 'compact' },
  { label: 'aws-bedrock pack, state alone (events shared, not counted)', rules: 'pack', evidence: 'state' },
];

/**
 * Measures memory for `keys` live access keys, each row in its own process:
 * peak RSS and heap with the evidence the detectors hold (each event decoded
 * from its own record, as the agent does), for the seed rules and the pack,
 * with full and compact evidence; and the pack's state structures alone.
 */
export async function memorySection(keys: number): Promise<string> {
  const perMillion = (bytes: number): number => (bytes * 1_000_000) / keys;
  const rows: string[][] = [];
  const results = new Map<string, { rss: number; live: number }>();
  for (const row of ROWS) {
    const m = await runChild('live-keys.ts', [String(keys), '--rules', row.rules, '--evidence', row.evidence], ['--expose-gc', '--max-old-space-size=8192']);
    const d = m.details as unknown as LiveKeys;
    const rss = m.maxRssKb * 1024;
    results.set(`${row.rules}/${row.evidence}`, { rss, live: d.liveBytes });
    rows.push([
      row.label,
      row.evidence === 'state' ? '' : `${megabytes(rss)} MB`,
      row.evidence === 'state' ? '' : `${thousands(rss / keys)} B`,
      `${megabytes(d.liveBytes)} MB`,
      `${thousands(d.liveBytes / keys)} B`,
      thousands(d.stateEntries),
      `${megabytes(d.afterEvictionBytes)} MB / ${thousands(d.afterEvictionEntries)}`,
      `${m.seconds.toFixed(1)} s`,
    ]);
  }
  const compact = results.get('seed/compact')!;
  const packCompact = results.get('pack/compact')!;
  const state = results.get('pack/state')!;
  const scaled = keys === 1_000_000 ? '' : ` (measured at ${thousands(keys)} keys; targets are checked scaled to 1M)`;
  return [
    `### Memory: ${thousands(keys)} live access keys, evidence included${scaled}`,
    '',
    'Each key makes one successful and one refused ListFoundationModels (its own key, user, address, ids), every event decoded from its own record; ' +
      'the detectors hold rule A\'s pending enumeration, rule C\'s refusal group and (pack) the kill chain\'s discovery stage per key. ' +
      'Peak RSS is the whole process; heap is after full GCs, above the baseline before feeding.',
    '',
    table(['', 'peak RSS', 'RSS per key', 'heap held', 'heap per key', 'state entries', 'after eviction', 'feeding'], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], rows),
    '',
    `Target ≤ 600 MiB peak RSS at 1M live keys with evidence: compact (seed rules): ${perMillion(compact.rss) <= COMPACT_RSS_TARGET ? 'met' : 'missed'} ` +
      `(${megabytes(perMillion(compact.rss))} MB; the pack: ${megabytes(perMillion(packCompact.rss))} MB).`,
    `Target ≤ 600 MiB of pack state at 1M live keys: ${perMillion(state.live) <= STATE_TARGET ? 'met' : 'missed'} (${megabytes(perMillion(state.live))} MB).`,
  ].join('\n');
}
