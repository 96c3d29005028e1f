import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args.ts';
import type { Measurement } from './measurement.ts';
import { RoundResults } from './round-results.ts';
import { spreadOf, verdict } from './spread.ts';

const run = (records: number, seconds: number): Measurement => ({ records, seconds, maxRssKb: 0, details: {} });

describe('bench ratios: paired within each round, judged on median and min', () => {
  it('pairs each row with the other row of the same round, not the medians of each', () => {
    const results = new RoundResults(3);
    // A slow round slows both rows alike: the paired ratio stays 2 every round.
    [1, 4, 2].forEach((slowdown, round) => {
      results.add('a', round, run(100, slowdown));
      results.add('b', round, run(200, slowdown));
    });
    expect(results.ratio({ label: '', of: 'b', to: 'a' })).toMatchObject({ median: 2, min: 2, max: 2, relative: 0, rounds: 3 });
  });

  it('leaves out rounds where either row failed', () => {
    const results = new RoundResults(3);
    results.add('a', 0, run(100, 1));
    results.add('b', 0, run(300, 1));
    results.add('a', 1, undefined);
    results.add('b', 1, run(100, 1));
    results.add('a', 2, run(100, 1));
    results.add('b', 2, run(100, 1));
    expect(results.ratio({ label: '', of: 'b', to: 'a' })).toMatchObject({ rounds: 2, min: 1, max: 3 });
    expect(results.runs('a')).toHaveLength(2);
    expect(results.rate('missing')).toBeUndefined();
  });

  it('meets a target only when the median holds it and the min is within 10% of the median', () => {
    expect(verdict(spreadOf([4.2, 4.3, 4.1, 4.4, 4.25]), 4)).toBe('met');
    expect(verdict(spreadOf([4.2, 4.3, 3.7, 4.4, 4.25]), 4)).toBe('unstable');
    expect(verdict(spreadOf([3.9, 4.3, 3.95, 4.4, 3.8]), 4)).toBe('missed');
    expect(verdict(spreadOf([1, 0.9, 1.1]), 1)).toBe('met');
  });

  it('reports the spread as (max − min) / median', () => {
    expect(spreadOf([2, 3, 4])).toEqual({ median: 3, min: 2, max: 4, relative: 2 / 3, rounds: 3 });
  });
});

describe('bench options', () => {
  it('defaults to 5 rounds, and --keys 0 / --replay-records 0 skip their sections', () => {
    const args = parseBenchArgs(['--keys', '0', '--replay-records', '0', '--skip', 'jq,duckdb']);
    expect(args.rounds).toBe(5);
    expect([...args.skip].sort()).toEqual(['duckdb', 'jq', 'memory', 'replay']);
  });

  it('refuses an unknown option or section instead of measuring something else', () => {
    expect(() => parseBenchArgs(['--round', '3'])).toThrow(/unknown option --round/);
    expect(() => parseBenchArgs(['--skip', 'sigma,s4'])).toThrow(/--skip takes .* got s4/);
    expect(() => parseBenchArgs(['--rounds', 'many'])).toThrow(/--rounds needs a number/);
  });
});
