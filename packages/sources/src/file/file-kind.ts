/** File names the `file` source reads by default: delivery files and NDJSON, gzipped or not. */
export const DEFAULT_INCLUDE: readonly string[] = ['*.json', '*.json.gz', '*.ndjson', '*.ndjson.gz', '*.jsonl', '*.jsonl.gz'];

/** CloudTrail's digest and Insights files share the trail's prefix but hold no API calls. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/CloudTrail-Digest/**', '**/CloudTrail-Insight/**'];

/**
 * True for uncompressed NDJSON names (`.ndjson`, `.jsonl`): files that may be
 * appended to, read line by line and resumed at a byte offset. Every other
 * file is treated as written once.
 */
export function isLineFileName(path: string): boolean {
  return /\.(?:ndjson|jsonl)$/i.test(path);
}
