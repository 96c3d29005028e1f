import { nextRecordStart, recordEnd, recordsLayout, type RecordsLayout } from '@jackwatch/core/decode';

/** One record picked from a delivery document: its index in `Records` and its JSON text. */
export interface SelectedRecord {
  readonly index: number;
  readonly text: string;
}

/** A record too large to pick: its index and size in bytes. */
export interface OversizedRecord {
  readonly index: number;
  readonly bytes: number;
}

/** The records of a document that contain a needle, those too large to pick, and how many records it holds in all. */
export interface RecordSelection {
  readonly total: number;
  readonly records: SelectedRecord[];
  /** Every record larger than the limit, whether it contains a needle or not (none of them is in `records`). */
  readonly oversized: OversizedRecord[];
}

/**
 * Picks, without parsing, the records of an inflated `{"Records":[…]}`
 * document whose bytes contain one of `needles`: the per-record level of the
 * prefilter. Only those records' bytes are decoded to text and parsed.
 *
 * Records are found where core's `recordsLayout` finds them (by the bytes
 * every record opens with, `{"eventVersion":` in CloudTrail's files). A
 * caller must still check that each picked text parses as one object, and
 * decode the document whole when one does not.
 *
 * Records larger than `maxRecordSize` bytes are listed apart, by index and
 * size, and never decoded to text.
 *
 * Returns `undefined` when the document cannot be split this way (another
 * shape, an empty array, a document cut short): decode it whole instead.
 */
export function selectRecords(bytes: Buffer, needles: readonly Buffer[], maxRecordSize = Number.POSITIVE_INFINITY): RecordSelection | undefined {
  const layout = recordsLayout(bytes);
  if (layout === undefined) return undefined;
  const starts = recordStarts(bytes, layout);
  const endOf = (index: number): number => recordEnd(bytes, layout, starts[index + 1] ?? -1);
  const oversized = bytes.length <= maxRecordSize ? [] : oversizedRecords(starts, endOf, maxRecordSize);
  const tooLarge = new Set(oversized.map((record) => record.index));
  const hits = needleHits(bytes, needles);
  const records: SelectedRecord[] = [];
  let last = -1;
  for (const hit of hits) {
    if (hit < layout.first || hit >= layout.closing) return undefined;
    const index = recordAt(starts, hit);
    if (index === last) continue;
    last = index;
    if (!tooLarge.has(index)) records.push({ index, text: bytes.toString('utf8', starts[index]!, endOf(index)) });
  }
  return { total: starts.length, records, oversized };
}

function oversizedRecords(starts: readonly number[], endOf: (index: number) => number, maxRecordSize: number): OversizedRecord[] {
  const oversized: OversizedRecord[] = [];
  for (let index = 0; index < starts.length; index++) {
    const bytes = endOf(index) - starts[index]!;
    if (bytes > maxRecordSize) oversized.push({ index, bytes });
  }
  return oversized;
}

/** True when `bytes` contain one of `needles`: the per-file level of the prefilter. */
export function containsAny(bytes: Buffer, needles: readonly Buffer[]): boolean {
  for (const needle of needles) if (bytes.indexOf(needle) >= 0) return true;
  return false;
}

function recordStarts(bytes: Buffer, layout: RecordsLayout): number[] {
  const starts = [layout.first];
  for (let at = nextRecordStart(bytes, layout, layout.first + 1); at >= 0; at = nextRecordStart(bytes, layout, at + 1)) starts.push(at);
  return starts;
}

function needleHits(bytes: Buffer, needles: readonly Buffer[]): number[] {
  const hits: number[] = [];
  for (const needle of needles) {
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) hits.push(at);
  }
  return needles.length > 1 ? hits.sort((a, b) => a - b) : hits;
}

// The last record start at or before `position` (binary search).
function recordAt(starts: readonly number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

