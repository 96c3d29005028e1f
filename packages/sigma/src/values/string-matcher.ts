import { RE2JS } from 're2js';
import { lowerCase } from './record-scope.ts';
import type { SigmaString, StringPart } from './sigma-string.ts';

/** How a {@link SigmaString} is compared. */
export interface StringMatchOptions {
  /** Compare case-sensitively (`|cased`); by default both sides are lower-cased. */
  readonly cased: boolean;
  /** `|windash`: a `-` or `/` that starts a command-line flag also matches `/`, `–`, `—` and `―`. */
  readonly windash?: boolean;
}

/**
 * A compiled string test. `test` takes the candidate already prepared: lower-cased
 * unless `cased` (so a field's value is lower-cased once for all of a field's values).
 */
export interface StringMatcher {
  readonly cased: boolean;
  test(prepared: string): boolean;
}

const WINDASH_CLASS = '[-/\\x{2013}\\x{2014}\\x{2015}]';
// pySigma's rule: a dash or slash after a non-word character (or the start) and before a word character.
const WINDASH_POSITION = /(?<![\w])[-/](?=\w)/g;

/**
 * Compiles a Sigma string into a whole-value match: wildcards as the string
 * says, case-insensitive unless `cased`. Plain text, prefixes, suffixes,
 * substrings and `*`-only patterns use string search; anything with `?` or
 * `windash` becomes an anchored RE2 expression. Every form runs in time
 * linear in the candidate's length (times the pattern's, for `*` patterns).
 */
export function stringMatcher(value: SigmaString, options: StringMatchOptions): StringMatcher {
  const cased = options.cased;
  const parts = cased ? value.parts : value.parts.map(lowerPart);
  const hasSingle = parts.some((p) => 'wildcard' in p && p.wildcard === '?');
  if (hasSingle || (options.windash === true && parts.some((p) => 'literal' in p && /[-/]/.test(p.literal)))) {
    return { cased, test: regexTest(parts, options.windash === true) };
  }
  return { cased, test: starTest(parts) };
}

/**
 * A whole-text comparison with `text`, case-insensitive unless `cased`, that
 * lower-cases a candidate only when its length could match: for ASCII `text`,
 * a candidate that lower-cases to it has its length (no character lower-cases
 * to several where the result is all ASCII).
 */
export function equalText(text: string, cased: boolean): (candidate: string) => boolean {
  if (cased) return (candidate) => candidate === text;
  const lower = text.toLowerCase();
  if (!/^[\x00-\x7f]*$/.test(lower)) return (candidate) => lowerCase(candidate) === lower;
  return (candidate) => candidate.length === lower.length && (candidate === lower || equalsAsciiLower(candidate, lower));
}

// `lowerCase(candidate) === lower` for an ASCII `lower` of the same length, without building the lower-cased copy;
// a non-ASCII character (the Kelvin sign lower-cases to `k`) takes the exact way.
function equalsAsciiLower(candidate: string, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    let c = candidate.charCodeAt(i);
    if (c >= 0x80) return lowerCase(candidate) === lower;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Prepares a candidate for a matcher: lower-cased unless the matcher is cased. */
export function prepare(candidate: string, cased: boolean): string {
  return cased ? candidate : lowerCase(candidate);
}

function lowerPart(part: StringPart): StringPart {
  return 'literal' in part ? { literal: part.literal.toLowerCase() } : part;
}

// Parts made only of literals and `*`.
function starTest(parts: readonly StringPart[]): (s: string) => boolean {
  if (parts.length === 0) return (s) => s === '';
  const literals = parts.filter((p): p is { literal: string } => 'literal' in p).map((p) => p.literal);
  const startsWithStar = 'wildcard' in parts[0]!;
  const endsWithStar = 'wildcard' in parts[parts.length - 1]!;
  if (literals.length === 0) return () => true;
  if (literals.length === 1) {
    const text = literals[0]!;
    if (!startsWithStar && !endsWithStar) return (s) => s === text;
    if (!startsWithStar) return (s) => s.startsWith(text);
    if (!endsWithStar) return (s) => s.endsWith(text);
    return (s) => s.includes(text);
  }
  const head = startsWithStar ? undefined : literals[0];
  const tail = endsWithStar ? undefined : literals[literals.length - 1];
  const middle = literals.slice(head === undefined ? 0 : 1, tail === undefined ? literals.length : -1);
  return (s) => {
    let from = 0;
    if (head !== undefined) {
      if (!s.startsWith(head)) return false;
      from = head.length;
    }
    const end = tail === undefined ? s.length : s.length - tail.length;
    if (tail !== undefined && (end < from || !s.endsWith(tail))) return false;
    // Leftmost placement of each middle piece is optimal: it leaves the most room for the rest.
    for (const piece of middle) {
      const at = s.indexOf(piece, from);
      if (at < 0 || at + piece.length > end) return false;
      from = at + piece.length;
    }
    return true;
  };
}

function regexTest(parts: readonly StringPart[], windash: boolean): (s: string) => boolean {
  let source = '';
  for (const part of parts) {
    if ('wildcard' in part) source += part.wildcard === '*' ? '.*' : '.';
    else source += windash ? windashLiteral(part.literal) : escapeRegex(part.literal);
  }
  const pattern = RE2JS.compile(source, RE2JS.DOTALL);
  return (s) => pattern.testExact(s);
}

function windashLiteral(text: string): string {
  let out = '';
  let last = 0;
  for (const found of text.matchAll(WINDASH_POSITION)) {
    out += escapeRegex(text.slice(last, found.index)) + WINDASH_CLASS;
    last = found.index + 1;
  }
  return out + escapeRegex(text.slice(last));
}

const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;
/** The most flag dashes `windashVariants` expands (5⁴ = 625 variants). */
export const MAX_WINDASH_DASHES = 4;

/**
 * `text` with every flag dash (see `windash`) replaced by each of `-`, `/`,
 * `–`, `—` and `―`, every combination — what `windash` means before an
 * encoding, which must encode each form. `undefined` when `text` has more
 * than {@link MAX_WINDASH_DASHES} flag dashes.
 */
export function windashVariants(text: string): string[] | undefined {
  const at = [...text.matchAll(WINDASH_POSITION)].map((found) => found.index);
  if (at.length > MAX_WINDASH_DASHES) return undefined;
  let variants = [''];
  let last = 0;
  for (const index of at) {
    const before = text.slice(last, index);
    variants = variants.flatMap((head) => WINDASH_CHARACTERS.map((dash) => head + before + dash));
    last = index + 1;
  }
  return variants.map((head) => head + text.slice(last));
}

/** Escapes text for use as a literal inside an RE2 expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
