import { ANY_BUT_SLASH, type CharClass, type Segment } from './glob-pattern.ts';

const SLASH = 0x2f;
// Masks computed for at most this many distinct characters are kept; others are computed each time.
const MAX_CACHED_MASKS = 1024;

/** Finds a segment holding `?` or a class in a text: see {@link compileSegmentSearch}. */
export type SegmentSearch = (text: string, from: number, end: number) => number;

/**
 * Compiles a segment of single-character tokens (`?`, classes, literal
 * characters) into a bit-parallel search (Shift-And): one bit per token
 * records which prefixes of the segment end at the current character, so
 * the text is read once, left to right, at ⌈k/32⌉ word operations per
 * character for a segment of k tokens — no backtracking, whatever the text.
 *
 * The search returns the leftmost start at or after `from` of a match that
 * ends before `end`, or -1.
 */
export function compileSegmentSearch(segment: Segment): SegmentSearch {
  const length = segment.tokens.length;
  const words = Math.ceil(length / 32);
  const literals = new Map<number, Uint32Array>();
  const anyButSlash = new Uint32Array(words);
  const classes: { readonly bit: number; readonly charClass: CharClass }[] = [];
  segment.tokens.forEach((token, bit) => {
    if (token === ANY_BUT_SLASH) anyButSlash[bit >>> 5]! |= 1 << (bit & 31);
    else if (typeof token === 'number') {
      let mask = literals.get(token);
      if (mask === undefined) literals.set(token, (mask = new Uint32Array(words)));
      mask[bit >>> 5]! |= 1 << (bit & 31);
    } else classes.push({ bit, charClass: token });
  });

  const cache = new Map<number, Uint32Array>();
  const scratch = new Uint32Array(words);
  // Which tokens accept `code`, as a bit mask.
  const maskOf = (code: number): Uint32Array => {
    const cached = cache.get(code);
    if (cached !== undefined) return cached;
    const mask = cache.size < MAX_CACHED_MASKS ? new Uint32Array(words) : scratch.fill(0);
    const literal = literals.get(code);
    for (let word = 0; word < words; word++) mask[word] = (literal?.[word] ?? 0) | (code === SLASH ? 0 : anyButSlash[word]!);
    for (const { bit, charClass } of classes) {
      if (inClass(charClass, code)) mask[bit >>> 5]! |= 1 << (bit & 31);
    }
    if (mask !== scratch) cache.set(code, mask);
    return mask;
  };

  const lastWord = words - 1;
  const lastBit = 1 << ((length - 1) & 31);
  const state = new Uint32Array(words);
  return (text, from, end) => {
    state.fill(0);
    for (let index = from; index < end; index++) {
      const mask = maskOf(text.charCodeAt(index));
      let carry = 1;
      for (let word = 0; word < words; word++) {
        const next = state[word]! >>> 31;
        state[word] = ((state[word]! << 1) | carry) & mask[word]!;
        carry = next;
      }
      if ((state[lastWord]! & lastBit) !== 0) return index - length + 1;
    }
    return -1;
  };
}

/** Whether `code` is in (or, negated, outside) the class. */
export function inClass(charClass: CharClass, code: number): boolean {
  let inside = false;
  for (const [low, high] of charClass.ranges) {
    if (code >= low && code <= high) {
      inside = true;
      break;
    }
  }
  return inside !== charClass.negated;
}
