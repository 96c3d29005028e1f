import type { CloudTrailRecord } from '@jackwatch/core';
import { cloudTrailRecord, iamUser } from '@jackwatch/core/testing';
import { gzipSync } from 'node:zlib';
import { fileStamp } from '../trail-key.ts';

/** One CloudTrail delivery file: its key in the trail layout and its gzipped body. */
export interface TrailFile {
  readonly key: string;
  readonly body: Uint8Array;
  readonly records: readonly CloudTrailRecord[];
  readonly time: number;
}

/** Where a trail writes: `[prefix/]AWSLogs/[org/]<account>/CloudTrail/<region>/`. */
export interface TrailPlace {
  readonly account: string;
  readonly region: string;
  readonly prefix?: string;
  readonly organizationId?: string;
}

/**
 * A delivery file as CloudTrail writes it for `place` at `time`: key
 * `…/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<id>.json.gz`,
 * body `{"Records":[…]}` gzipped, `count` records in the five minutes before
 * `time` (distinct event ids per file).
 */
export function trailFile(place: TrailPlace, time: number, count = 3, records?: readonly CloudTrailRecord[]): TrailFile {
  const iso = new Date(time).toISOString();
  const day = `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
  const base = `${place.prefix ?? ''}AWSLogs/${place.organizationId ? `${place.organizationId}/` : ''}${place.account}/CloudTrail/${place.region}/${day}/`;
  const id = `${Math.floor(time / 1000).toString(36)}${place.region.length}`;
  const key = `${base}${place.account}_CloudTrail_${place.region}_${fileStamp(time)}Z_${id}.json.gz`;
  const body = records ?? Array.from({ length: count }, (_, i) =>
    cloudTrailRecord({
      time: time - 300_000 + i * 1_000,
      action: i % 2 === 0 ? 'DescribeInstances' : 'GetCallerIdentity',
      source: i % 2 === 0 ? 'ec2.amazonaws.com' : 'sts.amazonaws.com',
      region: place.region,
      identity: iamUser({ account: place.account }),
      seed: `${key}#${i}`,
    }),
  );
  return { key, body: gzipSync(JSON.stringify({ Records: body })), records: body, time };
}
