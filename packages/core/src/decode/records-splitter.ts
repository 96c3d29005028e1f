/** The opening of a document whose records the splitter yields: `[` or `{"Records": [`. */
export const RECORDS_OPENING = /^\uFEFF?\s*(?:\[|\{\s*"Records"\s*:\s*\[)/;

// How much text may precede the array before we decide the document is not one we split.
const MAX_PREAMBLE = 256;

/** What {@link RecordsSplitter.end} found once the input ended. */
export interface SplitEnd {
  /** The array was closed: every record was yielded. */
  readonly complete: boolean;
  /** Characters of an unfinished record that were dropped at the cut. */
  readonly droppedChars: number;
}

/**
 * Splits a `{"Records":[…]}` delivery document or a JSON array, fed in
 * chunks of any size, into the text of each array element, without parsing
 * it. Memory holds one chunk plus the element being assembled, so a
 * multi-gigabyte document is decoded in bounded memory, and the complete
 * records before the cut of a truncated document can be kept.
 *
 * It tracks only strings (with escapes) and bracket depth; `JSON.parse` of
 * each element does the validation. Keys after `Records` are ignored.
 *
 * @example
 * ```ts
 * const splitter = new RecordsSplitter(16 * 1024 * 1024);
 * const out: string[] = [];
 * splitter.push('{"Records":[{"a":1},{"b"', out); // out = ['{"a":1}']
 * splitter.push(':2}]}', out);                     // out = ['{"a":1}', '{"b":2}']
 * splitter.end().complete;                         // true
 * ```
 */
export class RecordsSplitter {
  readonly #maxElementChars: number;
  #text = '';
  #pos = 0;
  #start = -1;
  #depth = 0;
  #inString = false;
  #scalar = false;
  #phase: 'preamble' | 'elements' | 'closed' = 'preamble';

  /** @param maxElementChars an element longer than this makes {@link push} throw a `RangeError` (memory bound). */
  constructor(maxElementChars: number) {
    this.#maxElementChars = maxElementChars;
  }

  /**
   * Scans `chunk` and appends the text of every element it completes to `out`.
   * Throws a `SyntaxError` when the document does not open like a records
   * document, and a `RangeError` when one element exceeds the limit.
   */
  push(chunk: string, out: string[]): void {
    if (this.#phase === 'closed') return;
    this.#text = this.#text.length === 0 ? chunk : this.#text + chunk;
    if (this.#phase === 'preamble' && !this.#open()) return;
    this.#scan(out);
    if (this.#start >= 0 && this.#text.length - this.#start > this.#maxElementChars) {
      throw new RangeError(`a record is longer than ${this.#maxElementChars} characters`);
    }
    this.#compact();
  }

  /** Declares the end of input and says whether the document was complete. */
  end(): SplitEnd {
    const droppedChars = this.#start >= 0 ? this.#text.length - this.#start : 0;
    return { complete: this.#phase === 'closed', droppedChars };
  }

  #open(): boolean {
    const opening = RECORDS_OPENING.exec(this.#text);
    if (opening) {
      this.#phase = 'elements';
      this.#pos = opening[0].length;
      return true;
    }
    if (this.#text.trimStart().length > MAX_PREAMBLE) {
      throw new SyntaxError('not a {"Records":[…]} document or a JSON array of records');
    }
    return false;
  }

  // Hot loop: state lives in locals, strings are skipped with indexOf.
  #scan(out: string[]): void {
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
          out.push(text.slice(start, i));
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
          out.push(text.slice(start, i));
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
          out.push(text.slice(start, i));
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

  // Drops consumed text so memory holds only the element being assembled.
  #compact(): void {
    if (this.#phase === 'closed') {
      this.#text = '';
      return;
    }
    const keep = this.#start >= 0 ? this.#start : this.#pos;
    if (keep === 0) return;
    this.#text = this.#text.slice(keep);
    this.#pos -= keep;
    if (this.#start >= 0) this.#start = 0;
  }
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
