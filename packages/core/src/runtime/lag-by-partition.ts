import type { PartitionTime } from './watermark-tracker.ts';

/** How many partitions a pipeline reports the lag of one by one; the rest are folded per source. */
export const MAX_LAG_PARTITIONS = 100;

/** The label value of the partitions folded together past {@link MAX_LAG_PARTITIONS}. */
export const OTHER_PARTITIONS = '_other';

/** The event-time lag of one partition (or of the folded rest of a source's). */
export interface PartitionLag {
  readonly source: string;
  readonly account: string;
  readonly region: string;
  /** Seconds from the partition's newest event time to `now`. */
  readonly seconds: number;
}

/**
 * The lag of each partition, the first {@link MAX_LAG_PARTITIONS} seen on
 * their own and the others folded into one `_other` entry per source with
 * the largest lag among them, so the number of label sets stays bounded
 * however many accounts and regions a trail holds.
 */
export function lagByPartition(partitions: Iterable<PartitionTime>, now: number): PartitionLag[] {
  const lags: PartitionLag[] = [];
  const folded = new Map<string, number>();
  for (const { source, account, region, newest } of partitions) {
    const seconds = Math.max(0, (now - newest) / 1000);
    if (lags.length < MAX_LAG_PARTITIONS) lags.push({ source, account: account ?? '', region: region ?? '', seconds });
    else folded.set(source, Math.max(folded.get(source) ?? 0, seconds));
  }
  for (const [source, seconds] of folded) lags.push({ source, account: OTHER_PARTITIONS, region: OTHER_PARTITIONS, seconds });
  return lags;
}

/** The lag of each source: that of its partition furthest behind. */
export function lagBySource(lags: readonly PartitionLag[]): Map<string, number> {
  const bySource = new Map<string, number>();
  for (const { source, seconds } of lags) bySource.set(source, Math.max(bySource.get(source) ?? 0, seconds));
  return bySource;
}
