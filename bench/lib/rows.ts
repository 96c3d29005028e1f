import { s3SourceConfigSchema } from '../../packages/sources/src/s3/config.ts';
import { SIGMA_ROWS } from '../measure/agent-sigma.ts';
import type { Section } from './args.ts';

/** Where a row's measurement runs: the dataset, a scratch folder and, for S3 rows, the emulator holding the dataset. */
export interface RowContext {
  readonly dataset: string;
  readonly work: string;
  /** fauxqs (in its own process) with the dataset uploaded; only set when the S3 section runs. */
  readonly s3?: { readonly endpoint: string; readonly bucket: string };
}

/** One row measured in every round: a script of bench/measure/ and its arguments. */
export interface Row {
  readonly key: string;
  readonly label: string;
  /** The table it is printed in. */
  readonly table: 'throughput' | 'sigma' | 's3';
  /** The section whose `--skip` leaves it out; rows without one always run. */
  readonly section?: Section;
  readonly script: string;
  readonly args: (context: RowContext) => string[];
  /** Measured only in the first `--info-rounds` rounds: it has no target, or its own is not one of the ratios paired over every round. */
  readonly informational?: boolean;
  /** Why the row cannot run in this build, if it cannot (it is then reported as skipped, with that reason). */
  readonly unavailable?: () => string | undefined;
}

const agent = (prefilter: boolean, workers: string) => (c: RowContext): string[] => [c.dataset, c.work, '--prefilter', prefilter ? 'on' : 'off', '--workers', workers];
const s3 = (...extra: string[]) => (c: RowContext): string[] => {
  if (c.s3 === undefined) throw new Error('an S3 row needs the emulator');
  return [c.dataset, c.work, c.s3.endpoint, c.s3.bucket, ...extra];
};

/**
 * Every row, in the order each round measures them (all rows once, then all
 * again: a, b, c, … a, b, c, …), so a slow spell of a shared machine falls on
 * every row alike rather than on one.
 */
export const ROWS: readonly Row[] = [
  { key: 'a', label: '(a) floor: gunzip + JSON.parse, 1 thread', table: 'throughput', script: 'floor.ts', args: (c) => [c.dataset] },
  { key: 'as', label: 'floor with plain gunzipSync', table: 'throughput', informational: true, script: 'floor.ts', args: (c) => [c.dataset, '--inflate', 'sync'] },
  { key: 'a2', label: 'floor, 2 worker threads', table: 'throughput', script: 'floor.ts', args: (c) => [c.dataset, '--workers', '2'] },
  { key: 'g', label: '(g) gunzip only (records counted by a byte scan), 1 thread', table: 'throughput', script: 'floor.ts', args: (c) => [c.dataset, '--parse', 'none'] },
  { key: 'b', label: '(b) agent, full decode, 1 thread', table: 'throughput', script: 'agent.ts', args: agent(false, '0') },
  { key: 'bw', label: 'agent, full decode, workers: auto', table: 'throughput', script: 'agent.ts', args: agent(false, 'auto') },
  { key: 'c', label: '(c) agent + prefilter, 1 thread', table: 'throughput', script: 'agent.ts', args: agent(true, '0') },
  { key: 'cw', label: 'agent + prefilter, workers: auto', table: 'throughput', script: 'agent.ts', args: agent(true, 'auto') },
  { key: 'c1', label: 'agent + prefilter, workers: 1', table: 'throughput', script: 'agent.ts', args: agent(true, '1') },
  { key: 'd', label: '(d) jq selecting the same events (gzip -dc piped to jq)', table: 'throughput', section: 'jq', script: 'jq.ts', args: (c) => [c.dataset] },
  { key: 'q1', label: '(q) DuckDB, rules A, B, C as SQL over read_json, 1 thread', table: 'throughput', section: 'duckdb', script: 'duckdb.ts', args: (c) => [c.dataset, '--threads', '1'] },
  { key: 'q2', label: 'DuckDB, rules A, B, C as SQL, 2 threads', table: 'throughput', section: 'duckdb', script: 'duckdb.ts', args: (c) => [c.dataset, '--threads', '2'] },
  { key: 's3g', label: '(s) emulator ceiling: SDK GetObject loop, concurrency 8', table: 's3', section: 's3', script: 's3-get.ts', args: s3('--concurrency', '8') },
  { key: 's3', label: 'agent, s3 source (poll backfill), prefilter, defaults', table: 's3', section: 's3', script: 'agent-s3.ts', args: s3() },
  { key: 's3w', label: 'agent, s3 source, prefilter, workers: auto', table: 's3', section: 's3', script: 'agent-s3.ts', args: s3('--workers', 'auto'), unavailable: s3WorkersUnavailable },
  ...SIGMA_ROWS.map((row): Row => ({ key: row.key, label: row.label, table: 'sigma', section: 'sigma', informational: true, script: 'agent-sigma.ts', args: (c) => row.args(c.dataset, c.work) })),
];

/** A ratio of two rows' records/s, computed round by round, with the target the project set for it (none: informational). */
export interface Ratio {
  readonly label: string;
  readonly of: string;
  readonly to: string;
  readonly target?: number;
}

/** The ratios reported, paired within each round. */
export const RATIOS: readonly Ratio[] = [
  { label: 'b/a   full decode vs floor (1 thread)', of: 'b', to: 'a', target: 0.85 },
  { label: 'c/a   prefilter vs floor (1 thread)', of: 'c', to: 'a', target: 2.5 },
  { label: 'cw/a  prefilter, workers: auto vs floor', of: 'cw', to: 'a', target: 4 },
  { label: 'c/g   prefilter vs gunzip only (1 thread)', of: 'c', to: 'g', target: 0.8 },
  { label: 'b/d   full decode (1 thread) vs jq', of: 'b', to: 'd', target: 4 },
  { label: 'bw/d  full decode, workers: auto vs jq', of: 'bw', to: 'd', target: 4 },
  { label: 'cw/q2 prefilter, workers: auto vs DuckDB, 2 threads', of: 'cw', to: 'q2', target: 3 },
  { label: 'b/q1  full decode vs DuckDB, 1 thread each', of: 'b', to: 'q1', target: 1 },
  { label: 's3/s  s3 source vs the emulator\'s GetObject ceiling', of: 's3', to: 's3g' },
  { label: 's3w/s s3 source, workers: auto vs the ceiling', of: 's3w', to: 's3g' },
  { label: 'bs/a  full decode + 25 SigmaHQ rules vs floor', of: 'bs', to: 'a', target: 0.75 },
];

/**
 * The `workers: auto` S3 row runs only when the s3 source's config schema
 * accepts `workers` (a build before the S3 decode pool does not): decided by
 * parsing a config that sets it, and the schema's own message is the reason.
 */
function s3WorkersUnavailable(): string | undefined {
  const parsed = s3SourceConfigSchema.safeParse({ bucket: 'bench', workers: 'auto' });
  return parsed.success ? undefined : `the s3 source's config does not take workers here (${parsed.error.issues.map((issue) => issue.message).join('; ')})`;
}
