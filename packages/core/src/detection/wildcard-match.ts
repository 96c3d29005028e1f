import { ANY_BUT_SLASH, type CharToken, type Segment, type WildcardPattern } from './glob-pattern.ts';
import { compileSegmentSearch, inClass, type SegmentSearch } from './segment-search.ts';

const SLASH = 0x2f;

/**
 * Compiles a pattern (see `compileGlobPattern`) into a test of a text given
 * in lower case, as the pattern is. No regular expression and no
 * backtracking: the first and last segments are checked in place, and each
 * middle segment is searched for at its leftmost place after the previous
 * one — taking the leftmost never loses a match, because the star after it
 * absorbs whatever follows. Plain-text segments are found with `indexOf`,
 * others with a bit-parallel scan (see `compileSegmentSearch`); each part of
 * the text is scanned once, so a test takes time linear in the text's
 * length (times ⌈k/32⌉ for a segment of k characters holding `?` or a class).
 */
export function compileWildcard(pattern: WildcardPattern): (text: string) => boolean {
  const { first, last } = pattern;
  const middle = pattern.middle.map((segment) => ({ length: segment.tokens.length, find: finder(segment) }));
  if (last === undefined) return (text) => text.length === first.tokens.length && matchesAt(first, text, 0);
  return (text) => {
    const end = text.length - last.tokens.length;
    if (end < first.tokens.length || !matchesAt(first, text, 0) || !matchesAt(last, text, end)) return false;
    let position = first.tokens.length;
    for (const segment of middle) {
      const found = segment.find(text, position, end);
      if (found < 0) return false;
      position = found + segment.length;
    }
    return true;
  };
}

// The leftmost place at or after `from` where the segment fits entirely before `end`, or -1.
function finder(segment: Segment): SegmentSearch {
  const { literal } = segment;
  if (literal === undefined) return compileSegmentSearch(segment);
  return (text, from, end) => {
    const found = text.indexOf(literal, from);
    return found >= 0 && found + literal.length <= end ? found : -1;
  };
}

function matchesAt(segment: Segment, text: string, start: number): boolean {
  if (segment.literal !== undefined) return text.startsWith(segment.literal, start);
  const { tokens } = segment;
  for (let index = 0; index < tokens.length; index++) {
    if (!accepts(tokens[index]!, text.charCodeAt(start + index))) return false;
  }
  return true;
}

function accepts(token: CharToken, code: number): boolean {
  if (typeof token === 'number') return token === ANY_BUT_SLASH ? code !== SLASH : token === code;
  return inClass(token, code);
}
