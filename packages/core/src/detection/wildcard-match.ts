import { ANY_BUT_SLASH, type CharToken, type Segment, type WildcardPattern } from './glob-pattern.ts';

const SLASH = 0x2f;

/**
 * Whether `text` matches a compiled pattern (see `compileGlobPattern`; give
 * the text in lower case as the pattern is). No regular expression and no
 * backtracking: the first and last segments are checked in place, and each
 * middle segment is searched for at its leftmost place after the previous
 * one — taking the leftmost never loses a match, because the star after it
 * absorbs whatever follows. Literal segments are found with `indexOf`
 * (linear); a segment holding `?` or a class costs at most its length per
 * position tried. So a match takes O(n · k) for a text of length n and a
 * longest wildcard segment of k characters, O(n) for literal segments —
 * never the exponential or cubic time of a backtracking RegExp.
 */
export function matchesWildcard(pattern: WildcardPattern, text: string): boolean {
  const { first, middle, last } = pattern;
  if (last === undefined) return text.length === first.tokens.length && matchesAt(first, text, 0);
  const end = text.length - last.tokens.length;
  if (end < first.tokens.length || !matchesAt(first, text, 0) || !matchesAt(last, text, end)) return false;
  let position = first.tokens.length;
  for (const segment of middle) {
    const found = findSegment(segment, text, position, end);
    if (found < 0) return false;
    position = found + segment.tokens.length;
  }
  return true;
}

// The leftmost place at or after `from` where `segment` fits entirely before `end`, or -1.
function findSegment(segment: Segment, text: string, from: number, end: number): number {
  const lastStart = end - segment.tokens.length;
  if (segment.literal !== undefined) {
    const found = text.indexOf(segment.literal, from);
    return found >= 0 && found <= lastStart ? found : -1;
  }
  for (let start = from; start <= lastStart; start++) {
    if (matchesAt(segment, text, start)) return start;
  }
  return -1;
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
  let inside = false;
  for (const [low, high] of token.ranges) {
    if (code >= low && code <= high) {
      inside = true;
      break;
    }
  }
  return inside !== token.negated;
}
