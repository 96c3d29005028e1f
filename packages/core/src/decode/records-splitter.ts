/** The opening of a document whose records the splitter yields: `[` or `{"Records": [`. */
export const RECORDS_OPENING = /^\uFEFF?\s*(?:\[|\{\s*"Records"\s*:\s*\[)/;

// How much text may precede the array before we decide the document is not one we split.
const MAX_PREAMBLE = 256;
const LEADING_SPACE = /^\uFEFF?\s*$/;

/** An array element longer than the limit: scanned past to its end, never held. */
export interface OversizedElement {
  /** Its size in UTF-8 bytes. */
  readonly oversizedBytes: number;
}

/** What the splitter yields for each array element: its text, or that it was too long to keep. */
export type SplitElement = string | OversizedElement;

/** True when the splitter yielded an element too long to keep. */
export function isOversized(element: SplitElement): element is OversizedElement {
  return typeof element !== 'string';
}

/** What {@link RecordsSplitter.end} found once the input ended. */
export interface SplitEnd {
  /** The array was closed: every element was yielded. */
  readonly complete: boolean;
  /** Characters of an unfinished element that were dropped at the cut. */
  readonly droppedChars: number;
  /** The unfinished element was already longer than the limit (so it was not being kept). */
  readonly droppedOversized: boolean;
}

/**
 * Splits a `{"Records":[…]}` delivery document or a JSON array, fed in
 * chunks of any size, into the text of each array element, without parsing
 * it. Memory holds one chunk plus the element being assembled, so a
 * multi-gigabyte document is decoded in bounded memory, and the complete
 * records before the cut of a truncated document can be kept.
 *
 * An element longer than `maxElementBytes` (UTF-8) is not buffered: once it
 * passes the limit its text is dropped and the splitter scans on — still
 * tracking strings, escapes and nesting — to where it ends, yields an
 * {@link OversizedElement} in its place, and goes on with the next one. So
 * one giant record costs neither the records after it nor its size in memory.
 *
 * It tracks only strings (with escapes) and bracket depth; `JSON.parse` of
 * each element does the validation. Keys after `Records` are ignored.
 *
 * @example
 * ```ts
 * const splitter = new RecordsSplitter(16 * 1024 * 1024);
 * const out: SplitElement[] = [];
 * splitter.push('{"Records":[{"a":1},{"b"', out); // out = ['{"a":1}']
 * splitter.push(':2}]}', out);                     // out = ['{"a":1}', '{"b":2}']
 * splitter.end().complete;                         // true
 * ```
 */
export class RecordsSplitter {
  readonly #maxElementBytes: number;
  #text = '';
  #pos = 0;
  #start = -1;
  #depth = 0;
  #inString = false;
  #scalar = false;
  #phase: 'preamble' | 'elements' | 'closed' = 'preamble';
  // The element being scanned passed the limit: its text so far is counted here, not kept.
  #skipping = false;
  #skippedChars = 0;
  #skippedBytes = 0;

  /** @param maxElementBytes an element larger than this (in UTF-8 bytes) is yielded as an {@link OversizedElement}. */
  constructor(maxElementBytes: number) {
    this.#maxElementBytes = maxElementBytes;
  }

  /**
   * Scans `chunk` and appends every element it completes to `out`. Throws a
   * `SyntaxError` when the document does not open like a records document.
   */
  push(chunk: string, out: SplitElement[]): void {
    if (this.#phase === 'closed') return;
    this.#text = this.#text.length === 0 ? chunk : this.#text + chunk;
    if (this.#phase === 'preamble' && !this.#open()) return;
    this.#scan(out);
    // A UTF-16 code unit is at least one UTF-8 byte: more characters than the limit is over it.
    if (this.#start >= 0 && !this.#skipping && this.#text.length - this.#start > this.#maxElementBytes) this.#skipping = true;
    this.#compact();
  }

  /** Characters held now: the unfinished element (none of one over the limit), or undecided text before the array. */
  get buffered(): number {
    return this.#text.length;
  }

  /** Declares the end of input and says whether the document was complete. */
  end(): SplitEnd {
    const pending = this.#start >= 0 ? this.#text.length - this.#start : 0;
    return { complete: this.#phase === 'closed', droppedChars: pending + this.#skippedChars, droppedOversized: this.#skipping };
  }

  #open(): boolean {
    const opening = RECORDS_OPENING.exec(this.#text);
    if (opening) {
      this.#phase = 'elements';
      this.#pos = opening[0].length;
      return true;
    }
    if (LEADING_SPACE.test(this.#text)) {
      this.#text = ''; // white space before the document is not kept: any amount of it costs no memory
      return false;
    }
    if (this.#text.trimStart().length > MAX_PREAMBLE) {
      throw new SyntaxError('not a {"Records":[…]} document or a JSON array of records');
    }
    return false;
  }

  // Hot loop: state lives in locals, strings are skipped with indexOf.
  #scan(out: SplitElement[]): void {
    const text = this.#text;
    const length = text.length;
    let i = this.#pos;
    let start = this.#start;
    let depth = this.#depth;
    let inString = this.#inString;
    let scalar = this.#scalar;
    while (i < length) {
      if (inString) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          i = length;
          break;
        }
        i = quote + 1;
        if (text.charCodeAt(quote - 1) === 0x5c && isEscaped(text, quote)) continue;
        inString = false;
        if (depth === 0) {
          this.#emit(text, start, i, out);
          start = -1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (start < 0) {
        if (c === 0x5d /* ] */) {
          this.#phase = 'closed';
          i++;
          break;
        }
        if (c !== 0x2c /* , */ && !isSpace(c)) {
          start = i;
          depth = c === 0x7b || c === 0x5b ? 1 : 0;
          inString = c === 0x22;
          scalar = depth === 0 && !inString;
        }
        i++;
      } else if (scalar) {
        if (c === 0x2c || c === 0x5d || isSpace(c)) {
          this.#emit(text, start, i, out);
          start = -1;
          scalar = false;
        } else {
          i++;
        }
      } else {
        i++;
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
          this.#emit(text, start, i, out);
          start = -1;
        }
      }
    }
    this.#pos = i;
    this.#start = start;
    this.#depth = depth;
    this.#inString = inString;
    this.#scalar = scalar;
  }

  // The element text[start, end) is complete: its text, or its size when it is over the limit.
  #emit(text: string, start: number, end: number, out: SplitElement[]): void {
    const max = this.#maxElementBytes;
    if (this.#skipping) {
      out.push({ oversizedBytes: this.#skippedBytes + utf8Bytes(text, start, end) });
      this.#skipping = false;
      this.#skippedChars = 0;
      this.#skippedBytes = 0;
      return;
    }
    if ((end - start) * 3 <= max) {
      out.push(text.slice(start, end));
      return;
    }
    const bytes = utf8Bytes(text, start, end);
    out.push(bytes > max ? { oversizedBytes: bytes } : text.slice(start, end));
  }

  // Drops consumed text so memory holds only the element being assembled — and of one being skipped, nothing.
  #compact(): void {
    if (this.#phase === 'closed') {
      this.#text = '';
      return;
    }
    if (this.#skipping && this.#start >= 0) {
      // Kept for the next chunk: a backslash that escapes a quote opening it, or half a surrogate pair (counted whole).
      const carry = (this.#inString && endsWithOddBackslashes(this.#text, this.#start, this.#pos)) || endsWithHighSurrogate(this.#text, this.#pos) ? 1 : 0;
      const cut = this.#pos - carry;
      this.#skippedChars += cut - this.#start;
      this.#skippedBytes += utf8Bytes(this.#text, this.#start, cut);
      this.#text = this.#text.slice(cut);
      this.#pos = carry;
      this.#start = 0;
      return;
    }
    const keep = this.#start >= 0 ? this.#start : this.#pos;
    if (keep === 0) return;
    this.#text = this.#text.slice(keep);
    this.#pos -= keep;
    if (this.#start >= 0) this.#start = 0;
  }
}

function utf8Bytes(text: string, start: number, end: number): number {
  return Buffer.byteLength(text.slice(start, end), 'utf8');
}

function endsWithHighSurrogate(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  return c >= 0xd800 && c <= 0xdbff;
}

// True when text[from, to) ends with an odd number of backslashes.
function endsWithOddBackslashes(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && text.charCodeAt(i) === 0x5c) i--;
  return (to - 1 - i) % 2 === 1;
}

// A quote preceded by an odd number of backslashes is part of the string.
function isEscaped(text: string, quote: number): boolean {
  let backslash = quote - 1;
  while (text.charCodeAt(backslash) === 0x5c) backslash--;
  return (quote - 1 - backslash) % 2 === 1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
