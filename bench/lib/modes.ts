/** One row of the throughput table: a measurement script and its arguments. */
export interface Mode {
  readonly key: 'a' | 'as' | 'a2' | 'b' | 'bw' | 'c' | 'cw' | 'c1' | 'd';
  readonly label: string;
  readonly script: 'floor.ts' | 'agent.ts' | 'jq.ts';
  readonly args: (dataset: string, work: string) => string[];
}

/** The rows, measured in this order in every round, on the same files. */
export const MODES: readonly Mode[] = [
  { key: 'a', label: '(a) floor: gunzip + JSON.parse, 1 thread', script: 'floor.ts', args: (d) => [d] },
  { key: 'as', label: 'floor with plain gunzipSync', script: 'floor.ts', args: (d) => [d, '--inflate', 'sync'] },
  { key: 'a2', label: 'floor, 2 worker threads', script: 'floor.ts', args: (d) => [d, '--workers', '2'] },
  { key: 'b', label: '(b) agent, full decode, 1 thread', script: 'agent.ts', args: (d, w) => [d, w, '--prefilter', 'off', '--workers', '0'] },
  { key: 'bw', label: 'agent, full decode, workers: auto', script: 'agent.ts', args: (d, w) => [d, w, '--prefilter', 'off', '--workers', 'auto'] },
  { key: 'c', label: '(c) agent + prefilter, 1 thread', script: 'agent.ts', args: (d, w) => [d, w, '--prefilter', 'on', '--workers', '0'] },
  { key: 'cw', label: 'agent + prefilter, workers: auto', script: 'agent.ts', args: (d, w) => [d, w, '--prefilter', 'on', '--workers', 'auto'] },
  { key: 'c1', label: 'agent + prefilter, workers: 1', script: 'agent.ts', args: (d, w) => [d, w, '--prefilter', 'on', '--workers', '1'] },
  { key: 'd', label: '(d) jq selecting the same events (gzip -dc piped to jq)', script: 'jq.ts', args: (d) => [d] },
];

/** The ratios the issue sets targets for: numerator, denominator, target. */
export const RATIOS: readonly { readonly label: string; readonly of: Mode['key']; readonly to: Mode['key']; readonly target: number }[] = [
  { label: 'b/a  full decode vs floor (1 thread)', of: 'b', to: 'a', target: 0.85 },
  { label: 'c/a  prefilter vs floor (1 thread)', of: 'c', to: 'a', target: 2.5 },
  { label: 'cw/a prefilter, workers: auto vs floor', of: 'cw', to: 'a', target: 4 },
  { label: 'b/d  full decode (1 thread) vs jq', of: 'b', to: 'd', target: 4 },
  { label: 'bw/d full decode, workers: auto vs jq', of: 'bw', to: 'd', target: 4 },
];
