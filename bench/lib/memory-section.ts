import { megabytes, table, thousands } from './format.ts';
import { runChild } from './run-child.ts';

const TARGET_BYTES = 400 * 1048576;

/** Measures detector state for `keys` live access keys in its own process and describes it. */
export async function memorySection(keys: number): Promise<string> {
  const m = await runChild('live-keys.ts', [String(keys)], ['--expose-gc', '--max-old-space-size=8192']);
  const d = m.details as { stateBytes: number; stateEntries: number; afterEvictionBytes: number; afterEvictionEntries: number; retainedEvents: number; eventBytes: number };
  const evidence = d.retainedEvents * d.eventBytes;
  const scaled = keys === 1_000_000 ? '' : ` (measured at ${thousands(keys)} keys)`;
  return [
    `### Detector state: ${thousands(keys)} live access keys${scaled}`,
    '',
    table(['', 'heap', 'per key', 'state entries'], ['l', 'r', 'r', 'r'], [
      ['sequence (rule A) + threshold (rule C) state, all four detectors', `${megabytes(d.stateBytes)} MB`, `${thousands(d.stateBytes / keys)} B`, thousands(d.stateEntries)],
      ['after the watermark passes (eviction)', `${megabytes(d.afterEvictionBytes)} MB`, '', thousands(d.afterEvictionEntries)],
      [`evidence the state keeps alive: ${thousands(d.retainedEvents)} decoded events × ${thousands(d.eventBytes)} B`, `${megabytes(evidence)} MB`, `${thousands(evidence / keys)} B`, ''],
    ]),
    '',
    `Target ≤ 400 MiB of heap for detector state at 1,000,000 keys: ${d.stateBytes * (1_000_000 / keys) <= TARGET_BYTES ? 'met' : 'missed'} ` +
      `(${megabytes((d.stateBytes * 1_000_000) / keys)} MB for 1M keys, without the evidence records; feeding took ${m.seconds.toFixed(1)} s, peak RSS ${megabytes(m.maxRssKb * 1024)} MB).`,
  ].join('\n');
}
