/** Options of `npm run bench`. */
export interface BenchArgs {
  readonly records: number;
  readonly bedrockShare: number;
  readonly rounds: number;
  /** Live access keys of the memory measurement; 0 skips it. */
  readonly keys: number;
  /** Records of the long replay that shows RSS over time; 0 skips it. */
  readonly replayRecords: number;
}

const DEFAULTS: BenchArgs = { records: 1_000_000, bedrockShare: 0.01, rounds: 3, keys: 1_000_000, replayRecords: 2_000_000 };
const SMOKE: BenchArgs = { records: 20_000, bedrockShare: 0.05, rounds: 1, keys: 20_000, replayRecords: 0 };

/**
 * Reads `--records N --bedrock-share F --rounds N --keys N --replay-records N`
 * (and `--smoke`: a tiny run that only checks everything works).
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const base = argv.includes('--smoke') ? SMOKE : DEFAULTS;
  const number = (name: string, fallback: number): number => {
    const at = argv.indexOf(name);
    if (at < 0) return fallback;
    const value = Number(argv[at + 1]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number, got ${argv[at + 1]}`);
    return value;
  };
  return {
    records: number('--records', base.records),
    bedrockShare: number('--bedrock-share', base.bedrockShare),
    rounds: Math.max(1, number('--rounds', base.rounds)),
    keys: number('--keys', base.keys),
    replayRecords: number('--replay-records', base.replayRecords),
  };
}
