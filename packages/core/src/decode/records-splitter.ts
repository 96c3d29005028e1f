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
 * it. Each chunk is scanned once, in linear time; memory holds one chunk
 * plus the element being assembled, so a multi-gigabyte document is decoded
 * in bounded memory, and the complete records before the cut of a truncated
 * document can be kept.
 *
 * An element larger than `maxElementBytes` (UTF-8) is not buffered: once it
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
  #phase: 'preamble' | 'elements' | 'closed' = 'preamble';
  #preamble = '';
  // The element being scanned, when one spans chunks: its text from earlier chunks, unless it is being skipped.
  #inElement = false;
  readonly #parts: string[] = [];
  #partsLength = 0;
  #depth = 0;
  #inString = false;
  #scalar = false;
  // Inside a string, the previous chunk ended with an odd run of backslashes: a quote opening this one is escaped.
  #oddBackslashes = false;
  // The element passed the limit: its size is counted here, its text not kept.
  #skipping = false;
  #skippedChars = 0;
  readonly #skippedBytes = new Utf8Count();

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
    const text = this.#phase === 'preamble' ? this.#open(chunk) : chunk;
    if (text !== undefined) this.#scan(text, out);
  }

  /** Characters held now: the unfinished element (none of one over the limit), or undecided text before the array. */
  get buffered(): number {
    return this.#preamble.length + this.#partsLength;
  }

  /** Declares the end of input and says whether the document was complete. */
  end(): SplitEnd {
    return { complete: this.#phase === 'closed', droppedChars: this.#partsLength + this.#skippedChars, droppedOversized: this.#skipping };
  }

  // The text after the array's opening once it is seen; `undefined` while undecided.
  #open(chunk: string): string | undefined {
    const text = this.#preamble + chunk;
    const opening = RECORDS_OPENING.exec(text);
    if (opening) {
      this.#phase = 'elements';
      this.#preamble = '';
      return text.slice(opening[0].length);
    }
    // White space before the document is not kept: any amount of it costs no memory.
    this.#preamble = LEADING_SPACE.test(text) ? '' : text;
    if (this.#preamble.trimStart().length > MAX_PREAMBLE) {
      throw new SyntaxError('not a {"Records":[…]} document or a JSON array of records');
    }
    return undefined;
  }

  // Hot loop: state lives in locals, strings are skipped with indexOf.
  #scan(text: string, out: SplitElement[]): void {
    const length = text.length;
    let i = 0;
    let start = this.#inElement ? 0 : -1;
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
        if (text.charCodeAt(quote - 1) === 0x5c || (quote === 0 && this.#oddBackslashes)) {
          if (isEscaped(text, quote, this.#oddBackslashes)) continue;
        }
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
    this.#depth = depth;
    this.#scalar = scalar;
    this.#oddBackslashes = inString && start >= 0 && endsWithOddBackslashes(text, start, this.#inString && this.#oddBackslashes);
    this.#inString = inString;
    this.#inElement = start >= 0 && this.#phase !== 'closed';
    if (this.#inElement) this.#carry(text, start);
  }

  // The element continues in the next chunk: keep its text, or once it is over the limit, only count it.
  #carry(text: string, start: number): void {
    if (!this.#skipping) {
      this.#parts.push(start === 0 ? text : text.slice(start));
      this.#partsLength += text.length - start;
      // A UTF-16 code unit is at least one UTF-8 byte: more characters than the limit is over it.
      if (this.#partsLength <= this.#maxElementBytes) return;
      this.#skipping = true;
      this.#skippedChars = this.#partsLength;
      this.#skippedBytes.add(this.#parts.join(''), 0, this.#partsLength);
      this.#parts.length = 0;
      this.#partsLength = 0;
      return;
    }
    this.#skippedChars += text.length - start;
    this.#skippedBytes.add(text, start, text.length);
  }

  // The element ends at text[end): its text, or its size when it is over the limit.
  #emit(text: string, start: number, end: number, out: SplitElement[]): void {
    const max = this.#maxElementBytes;
    if (this.#skipping) {
      this.#skippedBytes.add(text, start, end);
      out.push({ oversizedBytes: this.#skippedBytes.total });
      this.#skipping = false;
      this.#skippedChars = 0;
      this.#skippedBytes.reset();
      return;
    }
    const element = this.#partsLength === 0 ? text.slice(start, end) : this.#joinParts(text.slice(start, end));
    if (element.length * 3 <= max) out.push(element);
    else {
      const bytes = Buffer.byteLength(element, 'utf8');
      out.push(bytes > max ? { oversizedBytes: bytes } : element);
    }
  }

  #joinParts(last: string): string {
    this.#parts.push(last);
    const element = this.#parts.join('');
    this.#parts.length = 0;
    this.#partsLength = 0;
    return element;
  }
}

/** UTF-8 bytes of text counted range by range; a surrogate pair split between two ranges still counts 4 bytes. */
class Utf8Count {
  #total = 0;
  #highSurrogateLast = false;

  get total(): number {
    return this.#total;
  }

  add(text: string, start: number, end: number): void {
    if (start >= end) return;
    let bytes = Buffer.byteLength(start === 0 && end === text.length ? text : text.slice(start, end), 'utf8');
    // Buffer.byteLength counts a lone surrogate as 3 bytes (its replacement character); a pair is 4 in all.
    if (this.#highSurrogateLast) bytes += isLowSurrogate(text.charCodeAt(start)) ? -3 + 1 : 0;
    this.#highSurrogateLast = isHighSurrogate(text.charCodeAt(end - 1));
    this.#total += bytes;
  }

  reset(): void {
    this.#total = 0;
    this.#highSurrogateLast = false;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// True when text[from, length) ends with an odd run of backslashes; `carried` is the parity of a run the previous chunk
// ended with, which continues here when the run reaches this chunk's start.
function endsWithOddBackslashes(text: string, from: number, carried: boolean): boolean {
  let i = text.length - 1;
  while (i >= from && text.charCodeAt(i) === 0x5c) i--;
  const odd = (text.length - 1 - i) % 2 === 1;
  return i < 0 ? odd !== carried : odd;
}

// A quote preceded by an odd number of backslashes is part of the string; a run reaching the chunk's start goes on
// in the previous chunk, whose parity is `carried`.
function isEscaped(text: string, quote: number, carried: boolean): boolean {
  let backslash = quote - 1;
  while (backslash >= 0 && text.charCodeAt(backslash) === 0x5c) backslash--;
  const odd = (quote - 1 - backslash) % 2 === 1;
  return backslash < 0 ? odd !== carried : odd;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
