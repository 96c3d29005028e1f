import type { Measurement } from './measurement.ts';
import type { Ratio } from './rows.ts';
import { spreadOf, type Spread } from './spread.ts';

/** Each row's measurement in each round (undefined where it failed), by row key. */
export class RoundResults {
  readonly #byRow = new Map<string, (Measurement | undefined)[]>();
  readonly rounds: number;

  constructor(rounds: number) {
    this.rounds = rounds;
  }

  add(key: string, round: number, measurement: Measurement | undefined): void {
    const runs = this.#byRow.get(key) ?? Array.from<Measurement | undefined>({ length: this.rounds });
    runs[round] = measurement;
    this.#byRow.set(key, runs);
  }

  /** The row's successful measurements. */
  runs(key: string): Measurement[] {
    return (this.#byRow.get(key) ?? []).filter((m): m is Measurement => m !== undefined);
  }

  /** Records/s of the row over the rounds, or undefined when it never ran. */
  rate(key: string): Spread | undefined {
    const runs = this.runs(key);
    return runs.length === 0 ? undefined : spreadOf(runs.map(recordsPerSecond));
  }

  /**
   * The ratio of two rows' records/s taken within each round — each agent row
   * against the floor of its own round, so a slow spell moves both — then
   * summarized over the rounds where both ran.
   */
  ratio(ratio: Ratio): Spread | undefined {
    const of = this.#byRow.get(ratio.of) ?? [];
    const to = this.#byRow.get(ratio.to) ?? [];
    const values: number[] = [];
    for (let round = 0; round < this.rounds; round++) {
      const a = of[round];
      const b = to[round];
      if (a !== undefined && b !== undefined) values.push(recordsPerSecond(a) / recordsPerSecond(b));
    }
    return values.length === 0 ? undefined : spreadOf(values);
  }
}

/** Records of the dataset per second of a measurement. */
export function recordsPerSecond(measurement: Measurement): number {
  return measurement.records / measurement.seconds;
}
