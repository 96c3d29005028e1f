// `<account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<id>.json.gz`, the name of every delivery file.
const FILE_STAMP = /_CloudTrail_[a-z0-9-]+_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[^/]*$/;
// `…/YYYY/MM/DD/…`, the day folder, for keys whose file name is not CloudTrail's.
const DAY_PATH = /\/(\d{4})\/(\d{2})\/(\d{2})\//;

/**
 * The time a CloudTrail delivery file stands for, from the timestamp in its
 * name (minute resolution), else from its `YYYY/MM/DD` day folder (that day's
 * midnight, UTC); `undefined` for keys with neither.
 */
export function trailKeyTime(key: string): number | undefined {
  const stamp = FILE_STAMP.exec(key);
  if (stamp) return Date.UTC(Number(stamp[1]), Number(stamp[2]) - 1, Number(stamp[3]), Number(stamp[4]), Number(stamp[5]));
  const day = DAY_PATH.exec(key);
  return day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : undefined;
}

/** `2026/11/05`: the day folder of an instant, UTC. */
export function dayFolder(time: number): string {
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}

/** `20261105T1730`: the file-name timestamp of an instant, floored to the minute, without the `Z`. */
export function fileStamp(time: number): string {
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * The `StartAfter` key that lists a partition's delivery files from `time`
 * on: it sorts after every file of earlier minutes and before every file of
 * that minute (`…T1730` < `…T1730Z_…`), and the day folder skips earlier days.
 *
 * @example `trailStartAfter('AWSLogs/111122223333/CloudTrail/us-east-1/', '111122223333', 'us-east-1', t)`
 *   → `AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/05/111122223333_CloudTrail_us-east-1_20261105T1730`
 */
export function trailStartAfter(partitionPrefix: string, account: string, region: string, time: number): string {
  return `${partitionPrefix}${dayFolder(time)}/${account}_CloudTrail_${region}_${fileStamp(time)}`;
}

/** True for keys that are never CloudTrail event files: folder markers, digest and Insights files. */
export function isIgnoredKey(key: string): boolean {
  return key.endsWith('/') || key.includes('/CloudTrail-Digest/') || key.includes('/CloudTrail-Insight/');
}
