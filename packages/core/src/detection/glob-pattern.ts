import { expandBraces } from './expand-braces.ts';

/** Limits on one glob pattern, so that compiling and matching it stay cheap. */
export const GLOB_LIMITS = {
  /** Characters of a pattern as written. */
  maxLength: 2048,
  /** Patterns its `{a,b}` alternatives expand to. */
  maxAlternatives: 64,
} as const;

/** A character class such as `[a-z]` or `[!/]`: inclusive code-unit ranges. */
export interface CharClass {
  readonly negated: boolean;
  readonly ranges: readonly (readonly [number, number])[];
}

/** One character of a segment: a code unit to equal, `ANY_BUT_SLASH` (`?`), or a class. */
export type CharToken = number | CharClass;

/** `?`: any one character other than `/`. */
export const ANY_BUT_SLASH = -1;

/** A run of single-character tokens between stars; `literal` when it holds no `?` or class. */
export interface Segment {
  readonly tokens: readonly CharToken[];
  readonly literal: string | undefined;
}

/**
 * One brace alternative of a glob, split at its stars: the text must start
 * with `first`, end with `last`, and hold `middle` in order between them.
 * Without a star, `last` is `undefined` and the text must equal `first`.
 */
export interface WildcardPattern {
  readonly first: Segment;
  readonly middle: readonly Segment[];
  readonly last: Segment | undefined;
}

/**
 * Why a glob pattern cannot be used (too long, too many brace alternatives),
 * or `undefined` when it can. Config schemas call it to report the pattern
 * at its line.
 */
export function globPatternProblem(pattern: string): string | undefined {
  if (pattern.length > GLOB_LIMITS.maxLength) return `a glob may be at most ${GLOB_LIMITS.maxLength} characters long; this one has ${pattern.length}`;
  if (expandBraces(pattern, GLOB_LIMITS.maxAlternatives) === undefined) {
    return `a glob's {a,b} alternatives may expand to at most ${GLOB_LIMITS.maxAlternatives} patterns; this one expands to more`;
  }
  return undefined;
}

/**
 * Compiles a glob into its brace alternatives, lower-cased for
 * case-insensitive matching. `*` matches any run of characters, `/`
 * included; `?` one character other than `/`; `[abc]`, `[a-z]`, `[!a-z]`
 * (or `[^a-z]`) one character in (or not in) the class; `{a,b}` either
 * alternative; `\` makes the next character literal. Anything else is
 * literal, an unclosed `[` or `{` included.
 *
 * @throws {RangeError} when {@link globPatternProblem} finds a problem.
 */
export function compileGlobPattern(pattern: string): WildcardPattern[] {
  const problem = globPatternProblem(pattern);
  if (problem !== undefined) throw new RangeError(`glob "${pattern.slice(0, 80)}": ${problem}`);
  return (expandBraces(pattern.toLowerCase(), GLOB_LIMITS.maxAlternatives) ?? []).map(splitAtStars);
}

/**
 * Tokenizes one glob without braces, as written (no case folding), and
 * splits it at its stars: the syntax of {@link compileGlobPattern} minus
 * `{a,b}`. Shared by the case-insensitive value globs and the path globs.
 */
export function splitAtStars(alternative: string): WildcardPattern {
  const segments: CharToken[][] = [[]];
  for (let index = 0; index < alternative.length; index++) {
    const char = alternative[index]!;
    const current = segments[segments.length - 1]!;
    if (char === '\\' && index + 1 < alternative.length) {
      current.push(alternative.charCodeAt(++index));
    } else if (char === '*') {
      if (current.length > 0 || segments.length === 1) segments.push([]);
    } else if (char === '?') {
      current.push(ANY_BUT_SLASH);
    } else if (char === '[') {
      const parsed = parseClass(alternative, index);
      if (parsed === undefined) current.push(alternative.charCodeAt(index));
      else {
        current.push(parsed.charClass);
        index = parsed.end;
      }
    } else {
      current.push(alternative.charCodeAt(index));
    }
  }
  const all = segments.map(toSegment);
  if (all.length === 1) return { first: all[0]!, middle: [], last: undefined };
  return { first: all[0]!, middle: all.slice(1, -1).filter((segment) => segment.tokens.length > 0), last: all[all.length - 1]! };
}

function toSegment(tokens: readonly CharToken[]): Segment {
  const literal = tokens.every((token) => typeof token === 'number' && token >= 0) ? String.fromCharCode(...(tokens as number[])) : undefined;
  return { tokens, literal };
}

// A class opening at `open`: members up to the first `]` that is not its first member; `undefined` when unclosed.
function parseClass(text: string, open: number): { charClass: CharClass; end: number } | undefined {
  let index = open + 1;
  const negated = text[index] === '!' || text[index] === '^';
  if (negated) index++;
  const members: { code: number; escaped: boolean }[] = [];
  const start = index;
  for (; index < text.length; index++) {
    if (text[index] === ']' && index > start) break;
    const escaped = text[index] === '\\' && index + 1 < text.length;
    if (escaped) index++;
    members.push({ code: text.charCodeAt(index), escaped });
  }
  if (index >= text.length) return undefined;
  const ranges: [number, number][] = [];
  for (let i = 0; i < members.length; i++) {
    const low = members[i]!.code;
    const dash = members[i + 1];
    const high = members[i + 2];
    if (dash !== undefined && dash.code === 0x2d && !dash.escaped && high !== undefined) {
      ranges.push([low, high.code]);
      i += 2;
    } else {
      ranges.push([low, low]);
    }
  }
  return { charClass: { negated, ranges }, end: index };
}
