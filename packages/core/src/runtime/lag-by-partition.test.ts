import { describe, expect, it } from 'vitest';
import { lagByPartition, lagBySource, MAX_LAG_PARTITIONS, OTHER_PARTITIONS } from './lag-by-partition.ts';
import type { PartitionTime } from './watermark-tracker.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');

function partitions(count: number, source = 's3'): PartitionTime[] {
  return Array.from({ length: count }, (_, i) => ({ source, account: `acct-${i}`, region: 'us-east-1', newest: NOW - (i + 1) * 1000 }));
}

describe('lagByPartition', () => {
  it('gives each partition its lag in seconds, never negative', () => {
    expect(lagByPartition([...partitions(2), { source: 'file', account: undefined, region: undefined, newest: NOW + 5000 }], NOW)).toEqual([
      { source: 's3', account: 'acct-0', region: 'us-east-1', seconds: 1 },
      { source: 's3', account: 'acct-1', region: 'us-east-1', seconds: 2 },
      { source: 'file', account: '', region: '', seconds: 0 },
    ]);
  });

  it('folds partitions past the cap into one entry per source with their largest lag, so label sets stay bounded', () => {
    const lags = lagByPartition([...partitions(MAX_LAG_PARTITIONS + 50), ...partitions(10, 'file')], NOW);
    expect(lags).toHaveLength(MAX_LAG_PARTITIONS + 2);
    expect(lags.filter((lag) => lag.account === OTHER_PARTITIONS)).toEqual([
      { source: 's3', account: OTHER_PARTITIONS, region: OTHER_PARTITIONS, seconds: MAX_LAG_PARTITIONS + 50 },
      { source: 'file', account: OTHER_PARTITIONS, region: OTHER_PARTITIONS, seconds: 10 },
    ]);
    expect(lagBySource(lags)).toEqual(new Map([['s3', MAX_LAG_PARTITIONS + 50], ['file', 10]]));
  });
});
