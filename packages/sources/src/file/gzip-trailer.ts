/**
 * Most bytes a gzip file may be larger than what it inflates to: its header
 * and trailer (18 bytes, more with a file name or comment) and deflate's
 * framing. A tiny file — `{"Records":[]}` is 14 bytes, 34 gzipped — is
 * larger than its content; past this slack a trailer smaller than the file
 * is not a plausible size.
 */
const GZIP_OVERHEAD_SLACK = 1024;

/**
 * The inflated size to plan a gzip file's read by, from the size its
 * trailer announces (of the last member, modulo 2^32) and the file's own
 * size: the announced size, or infinity when it cannot be the real one (the
 * file is then streamed). Only a plan: whole-file inflation is bounded by
 * `maxWholeFileSize` whatever the trailer says.
 */
export function plannedInflatedSize(announced: number, fileSize: number): number {
  return announced + GZIP_OVERHEAD_SLACK < fileSize ? Number.POSITIVE_INFINITY : announced;
}
