import { generateDataset } from '../generate/dataset.ts';
import { table, thousands } from './format.ts';
import { runChild } from './run-child.ts';

interface Sample {
  readonly seconds: number;
  readonly rssMb: number;
  readonly heapMb: number;
}

/**
 * Replays a larger dataset through the agent (full decode, one thread: the
 * most allocation per byte) sampling RSS every half second, and shows
 * whether it stays flat: the peak of the last half against the first half.
 */
export async function replaySection(root: string, work: string, records: number, bedrockShare: number, log: (line: string) => void): Promise<string> {
  log(`replay dataset: ${thousands(records)} records (generated once, then reused)…`);
  const manifest = generateDataset(root, { records, bedrockShare });
  const m = await runChild('agent.ts', [manifest.dir, work, '--prefilter', 'off', '--workers', '0', '--sample-rss', '500']);
  const samples = (m.details as { samples: Sample[] }).samples;
  if (samples.length < 4) return `### Replay\n\nToo short to sample (${m.seconds.toFixed(1)} s).`;
  const at = (fraction: number): Sample => samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))]!;
  const half = Math.floor(samples.length / 2);
  const firstPeak = Math.max(...samples.slice(1, half).map((s) => s.rssMb));
  const lastPeak = Math.max(...samples.slice(half).map((s) => s.rssMb));
  const rows = [0.1, 0.25, 0.5, 0.75, 0.999].map((f) => {
    const s = at(f);
    return [`${Math.round(f * 100)}%`, `${s.seconds.toFixed(1)} s`, `${Math.round(s.rssMb)} MB`, `${Math.round(s.heapMb)} MB`];
  });
  return [
    `### Replay: ${(manifest.rawBytes / 1e9).toFixed(2)} GB of logs (${thousands(manifest.records)} records, ${thousands(manifest.files)} files), full decode, 1 thread`,
    '',
    table(['progress', 'time', 'RSS', 'heap used'], ['l', 'r', 'r', 'r'], rows),
    '',
    `${thousands(manifest.records / m.seconds)} records/s; RSS peak ${Math.round(firstPeak)} MB in the first half, ${Math.round(lastPeak)} MB in the second: ` +
      `${lastPeak <= firstPeak * 1.15 ? 'flat' : 'growing'}.`,
  ].join('\n');
}
