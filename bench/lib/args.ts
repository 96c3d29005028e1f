/** Parts of `npm run bench` that `--skip` can leave out. */
export const SECTIONS = ['jq', 'sigma', 'duckdb', 's3', 'latency', 'memory', 'replay', 'many-files'] as const;
/** One part of the bench that can be skipped. */
export type Section = (typeof SECTIONS)[number];

/** Options of `npm run bench`. */
export interface BenchArgs {
  readonly records: number;
  readonly bedrockShare: number;
  /** Rounds of the throughput rows: every row once per round, in the same order (at least 1). */
  readonly rounds: number;
  /** Rounds (the first ones) that also measure the informational rows — no target of their own, or a slow one: plain gunzipSync, the Sigma rows. */
  readonly infoRounds: number;
  /** Live access keys of the memory measurement; 0 skips it. */
  readonly keys: number;
  /** Records of the long replay that shows RSS over time; 0 skips it. */
  readonly replayRecords: number;
  /** Seconds each latency run writes events for. */
  readonly latencySeconds: number;
  /** Tiny delivery files the many-files section gives the file source. */
  readonly manyFiles: number;
  /** Sections left out (the runner adds those it cannot run, e.g. jq when it cannot be installed). */
  readonly skip: Set<Section>;
}

const DEFAULTS: Omit<BenchArgs, 'skip'> = { records: 1_000_000, bedrockShare: 0.01, rounds: 5, infoRounds: 2, keys: 1_000_000, replayRecords: 2_000_000, latencySeconds: 15, manyFiles: 100_000 };
const SMOKE: Omit<BenchArgs, 'skip'> = { records: 20_000, bedrockShare: 0.05, rounds: 1, infoRounds: 1, keys: 20_000, replayRecords: 0, latencySeconds: 3, manyFiles: 2_000 };

/**
 * Reads `--records N --bedrock-share F --rounds N --info-rounds N --keys N
 * --replay-records N --latency-seconds N --many-files N --skip jq,sigma,…` (and `--smoke`: a tiny run that only
 * checks everything works). Throws on an unknown option or section, so a
 * mistyped flag never silently measures something else.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const base = argv.includes('--smoke') ? SMOKE : DEFAULTS;
  const known = new Set(['--smoke', '--records', '--bedrock-share', '--rounds', '--info-rounds', '--keys', '--replay-records', '--latency-seconds', '--many-files', '--skip']);
  for (let i = 0; i < argv.length; i++) {
    if (!known.has(argv[i]!)) throw new Error(`unknown option ${argv[i]}; options: ${[...known].join(' ')}`);
    if (argv[i] !== '--smoke') i++;
  }
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at < 0 ? undefined : argv[at + 1];
  };
  const number = (name: string, fallback: number): number => {
    const text = value(name);
    if (text === undefined) return fallback;
    const parsed = Number(text);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} needs a number, got ${text}`);
    return parsed;
  };
  const skip = new Set<Section>();
  for (const name of (value('--skip') ?? '').split(',').filter((part) => part !== '')) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--skip takes a comma-separated list of ${SECTIONS.join(', ')}; got ${name}`);
    skip.add(name as Section);
  }
  const keys = number('--keys', base.keys);
  const replayRecords = number('--replay-records', base.replayRecords);
  if (keys === 0) skip.add('memory');
  if (replayRecords === 0) skip.add('replay');
  const rounds = Math.max(1, Math.floor(number('--rounds', base.rounds)));
  return {
    records: number('--records', base.records),
    bedrockShare: number('--bedrock-share', base.bedrockShare),
    rounds,
    infoRounds: Math.min(rounds, Math.max(1, Math.floor(number('--info-rounds', base.infoRounds)))),
    keys,
    replayRecords,
    latencySeconds: Math.max(1, number('--latency-seconds', base.latencySeconds)),
    manyFiles: Math.max(1, Math.floor(number('--many-files', base.manyFiles))),
    skip,
  };
}
