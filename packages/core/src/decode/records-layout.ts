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
 * Where the records of a `{"Records":[…]}` document lie in its bytes, found
 * without parsing — how a delivery file is cut into records (to pick a few,
 * or to parse a slice at a time).
 *
 * Every record is taken to open with the same bytes as the first one, from
 * its `{` through the colon after its first key — `{"eventVersion":` in
 * CloudTrail's files — preceded by a comma. That text cannot occur inside a
 * JSON string (its quotes would be escaped), and a nested object after `:`
 * or `[` is not preceded by a comma, so each match is a record boundary
 * unless a record holds an array of objects opening with that same key,
 * which CloudTrail records never do. So a user must still check that each
 * cut parses as whole records, and fall back to the whole text when one
 * does not.
 */
export interface RecordsLayout {
  /** The index of the first record's `{`. */
  readonly first: number;
  /** The index of the `]` that closes the array (the document ends with `] }` and white space). */
  readonly closing: number;
  /** The bytes each record opens with. */
  readonly opening: Buffer;
}

/** The layout of a `{"Records":[…]}` document with at least one record, or `undefined` for any other shape (or one cut short). */
export function recordsLayout(bytes: Buffer): RecordsLayout | undefined {
  const first = firstRecordStart(bytes);
  if (first < 0) return undefined;
  const opening = recordOpening(bytes, first);
  const closing = closingBracket(bytes);
  if (opening === undefined || closing <= first) return undefined;
  return { first, closing, opening };
}

/** The start of the first record that opens at or after `from`, or -1 when none does before the array closes. */
export function nextRecordStart(bytes: Buffer, layout: RecordsLayout, from: number): number {
  for (let at = bytes.indexOf(layout.opening, from); at >= 0 && at < layout.closing; at = bytes.indexOf(layout.opening, at + 1)) {
    if (at > layout.first && bytes[separatorBefore(bytes, at)] === COMMA) return at;
  }
  return -1;
}

/** The end (exclusive) of the record before `next` (the next record's start, or -1 for the last record): its last byte before the separating comma, or before the closing `]`. */
export function recordEnd(bytes: Buffer, layout: RecordsLayout, next: number): number {
  return next < 0 ? separatorBefore(bytes, layout.closing) + 1 : separatorBefore(bytes, separatorBefore(bytes, next)) + 1;
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

// The index of the last byte before `at` that is not white space.
function separatorBefore(bytes: Buffer, at: number): number {
  let i = at - 1;
  while (i >= 0 && isSpace(bytes[i]!)) i--;
  return i;
}

function skipSpace(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
