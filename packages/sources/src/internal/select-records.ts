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

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const RECORDS_KEY = Buffer.from('"Records"');

/**
 * Picks, without parsing, the records of an inflated `{"Records":[…]}`
 * document whose bytes contain one of `needles`: the per-record level of the
 * prefilter. Only those records' bytes are decoded to text and parsed.
 *
 * Records are found by the bytes every record opens with — the first
 * record's opening up to its first key, `{"eventVersion":` in CloudTrail's
 * files — preceded by a comma. That text cannot occur inside a JSON string
 * (its quotes would be escaped), and a nested object after `:` or `[` is not
 * preceded by a comma, so each match is a record boundary unless a record
 * holds an array of objects opening with that same key, which CloudTrail
 * records never do. A caller must still check that each picked text parses
 * as one object, and decode the document whole when one does not.
 *
 * Records larger than `maxRecordSize` bytes are listed apart, by index and
 * size, and never decoded to text.
 *
 * Returns `undefined` when the document cannot be split this way (another
 * shape, an empty array, a document cut short): decode it whole instead.
 */
export function selectRecords(bytes: Buffer, needles: readonly Buffer[], maxRecordSize = Number.POSITIVE_INFINITY): RecordSelection | undefined {
  const first = firstRecordStart(bytes);
  if (first < 0) return undefined;
  const marker = recordOpening(bytes, first);
  const closing = closingBracket(bytes);
  if (marker === undefined || closing <= first) return undefined;
  const starts = recordStarts(bytes, marker, first, closing);
  const endOf = (index: number): number => (index + 1 < starts.length ? trimEnd(bytes, commaBefore(bytes, starts[index + 1]!)) : trimEnd(bytes, closing));
  const oversized = bytes.length <= maxRecordSize ? [] : oversizedRecords(starts, endOf, maxRecordSize);
  const tooLarge = new Set(oversized.map((record) => record.index));
  const hits = needleHits(bytes, needles);
  const records: SelectedRecord[] = [];
  let last = -1;
  for (const hit of hits) {
    if (hit < first || hit >= closing) return undefined;
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

// `{ "Records" : [ {` → the index of the first record's `{`, or -1.
function firstRecordStart(bytes: Buffer): number {
  let i = skipSpace(bytes, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  if (bytes[i] !== OPEN_BRACE) return -1;
  i = skipSpace(bytes, i + 1);
  if (!bytes.subarray(i, i + RECORDS_KEY.length).equals(RECORDS_KEY)) return -1;
  i = skipSpace(bytes, i + RECORDS_KEY.length);
  if (bytes[i] !== COLON) return -1;
  i = skipSpace(bytes, i + 1);
  if (bytes[i] !== OPEN_BRACKET) return -1;
  i = skipSpace(bytes, i + 1);
  return bytes[i] === OPEN_BRACE ? i : -1;
}

// The first record's bytes from `{` through the colon after its first key.
function recordOpening(bytes: Buffer, start: number): Buffer | undefined {
  const keyStart = skipSpace(bytes, start + 1);
  if (bytes[keyStart] !== QUOTE) return undefined;
  const keyEnd = bytes.indexOf(QUOTE, keyStart + 1);
  if (keyEnd < 0 || bytes[keyEnd - 1] === BACKSLASH) return undefined;
  const colon = skipSpace(bytes, keyEnd + 1);
  return bytes[colon] === COLON ? bytes.subarray(start, colon + 1) : undefined;
}

// The `]` that closes the array: the document must end with `] }` (and white space).
function closingBracket(bytes: Buffer): number {
  let i = bytes.length - 1;
  while (i >= 0 && isSpace(bytes[i]!)) i--;
  if (bytes[i] !== CLOSE_BRACE) return -1;
  i--;
  while (i >= 0 && isSpace(bytes[i]!)) i--;
  return bytes[i] === CLOSE_BRACKET ? i : -1;
}

function recordStarts(bytes: Buffer, marker: Buffer, first: number, closing: number): number[] {
  const starts = [first];
  for (let at = bytes.indexOf(marker, first + marker.length); at >= 0 && at < closing; at = bytes.indexOf(marker, at + marker.length)) {
    if (bytes[commaBefore(bytes, at)] === COMMA) starts.push(at);
  }
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

// The index of the first non-space byte before `at` (the comma between records).
function commaBefore(bytes: Buffer, at: number): number {
  let i = at - 1;
  while (i >= 0 && isSpace(bytes[i]!)) i--;
  return i;
}

// The end (exclusive) of a record whose successor's separator or the array's `]` is at `at`.
function trimEnd(bytes: Buffer, at: number): number {
  let i = at - 1;
  while (i >= 0 && isSpace(bytes[i]!)) i--;
  return i + 1;
}

function skipSpace(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
