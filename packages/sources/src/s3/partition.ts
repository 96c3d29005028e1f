import { trailStartAfter } from './trail-key.ts';

/**
 * One listing stream of the bucket: an account/region folder of a trail
 * (`AWSLogs/<account>/CloudTrail/<region>/`), or the whole prefix in the
 * flat layout. Each has its own checkpoint.
 */
export interface Partition {
  /** The key prefix listed; also the partition's checkpoint key. */
  readonly prefix: string;
  /** True when keys follow the trail layout, so their names carry the file time. */
  readonly timed: boolean;
  /** The `StartAfter` key that lists this partition's files from `time` on; `undefined` when keys carry no time. */
  startAfterAt(time: number): string | undefined;
}

/** The partition of one account and region of a trail, under `base` (`[prefix]AWSLogs/[o-…/]`). */
export function trailPartition(base: string, account: string, region: string): Partition {
  const prefix = `${base}${account}/CloudTrail/${region}/`;
  return { prefix, timed: true, startAfterAt: (time) => trailStartAfter(prefix, account, region, time) };
}

/** A partition of arbitrary keys under `prefix`, listed in key order. */
export function flatPartition(prefix: string): Partition {
  return { prefix, timed: false, startAfterAt: () => undefined };
}
