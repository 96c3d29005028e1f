import { basename } from 'node:path';

// `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz`
const DELIVERY_NAME = /_CloudTrail_[a-z0-9-]+_(\d{8}T\d{4}Z)_/;

/**
 * The timestamp CloudTrail puts in a delivery file's name (`20241017T2010Z`,
 * the end of the period the file covers), or `undefined` for other names.
 */
export function deliveryTimestamp(path: string): string | undefined {
  return DELIVERY_NAME.exec(basename(path))?.[1];
}

/**
 * Orders files so events arrive close to event-time order: CloudTrail
 * delivery files by the timestamp in their names — interleaving every
 * account and region prefix instead of walking them one after the other,
 * which would deliver events hours out of order — then by path; files without
 * such a timestamp come after them, by path.
 */
export function compareDeliveryOrder(a: string, b: string): number {
  const ta = deliveryTimestamp(a);
  const tb = deliveryTimestamp(b);
  if (ta !== tb) {
    if (ta === undefined) return 1;
    if (tb === undefined) return -1;
    return ta < tb ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts `paths` in place by {@link compareDeliveryOrder}, computing each timestamp once. */
export function sortForDelivery(paths: string[]): string[] {
  const keys = new Map(paths.map((p) => [p, deliveryTimestamp(p) ?? '~']));
  return paths.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
