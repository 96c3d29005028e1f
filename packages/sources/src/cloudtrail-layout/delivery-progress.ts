import type { SourceProgress } from '@jackwatch/core';

// `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz`, the name
// CloudTrail gives every delivery file, in S3 and when copied to disk (an S3 key or a path).
const DELIVERY_NAME = /(?:^|\/)(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[^/]*$/;

/**
 * What a CloudTrail delivery file's name says about event-time progress:
 * its account, region and the end of the period it covers. A source reports
 * it with a batch whose records were skipped, so the watermark of that
 * partition still advances. `undefined` for other names, and for a stamp
 * that is no real time (`20261399T9999Z`), which would otherwise roll over
 * into another time and move the watermark.
 *
 * @example
 * deliveryProgress('AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T0905Z_a1b2.json.gz')
 * // { account: '111122223333', region: 'us-east-1', time: Date.UTC(2026, 10, 20, 9, 5) }
 */
export function deliveryProgress(path: string): SourceProgress | undefined {
  const m = DELIVERY_NAME.exec(path);
  if (!m) return undefined;
  const [, account, region, y, mo, d, h, mi] = m;
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const written = `${y}-${mo}-${d}T${h}:${mi}`;
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 16) !== written ? undefined : { account, region, time };
}
