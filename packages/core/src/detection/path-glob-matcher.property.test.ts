import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GLOB_LIMITS } from './glob-pattern.ts';
import { pathGlobMatcher } from './path-glob-matcher.ts';

// Globs are generated as trees, rendered to text for the matcher, and expanded and turned into an
// anchored RegExp for the reference: a different construction (fine on these small, non-adversarial
// shapes) that must agree with the segment-by-segment run.

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly chars: readonly string[] }
  | { readonly kind: 'group'; readonly options: readonly (readonly Token[])[] };
/** A glob segment (`**` or tokens), or a brace group whose alternatives are lists of segments. */
type Piece = { readonly kind: 'globstar' } | { readonly kind: 'segment'; readonly tokens: readonly Token[] } | { readonly kind: 'spanning'; readonly options: readonly (readonly Piece[])[] };
/** After brace expansion: a segment is `**` or plain tokens. */
type Flat = 'globstar' | readonly Token[];

const SPECIAL = new Set(['*', '?', '[', ']', '{', '}', ',', '\\', '!']);

function renderTokens(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.kind === 'char') return SPECIAL.has(token.char) ? `\\${token.char}` : token.char;
      if (token.kind === 'star') return '*';
      if (token.kind === 'any') return '?';
      if (token.kind === 'class') return `[${token.negated ? '!' : ''}${token.chars.join('')}]`;
      return `{${token.options.map(renderTokens).join(',')}}`;
    })
    .join('');
}

function renderPieces(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) => (piece.kind === 'globstar' ? '**' : piece.kind === 'segment' ? renderTokens(piece.tokens) : `{${piece.options.map(renderPieces).join(',')}}`))
    .join('/');
}

function expandTokens(tokens: readonly Token[]): Token[][] {
  let results: Token[][] = [[]];
  for (const token of tokens) {
    const options = token.kind === 'group' ? token.options.flatMap(expandTokens) : [[token]];
    results = results.flatMap((prefix) => options.map((option) => [...prefix, ...option]));
  }
  return results;
}

function expandPieces(pieces: readonly Piece[]): Flat[][] {
  let results: Flat[][] = [[]];
  for (const piece of pieces) {
    const options: Flat[][] =
      piece.kind === 'globstar' ? [['globstar']] : piece.kind === 'segment' ? expandTokens(piece.tokens).map((tokens) => [tokens]) : piece.options.flatMap(expandPieces);
    results = results.flatMap((prefix) => options.map((option) => [...prefix, ...option]));
  }
  return results;
}

const escapeRegExp = (char: string): string => char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// One glob segment as a RegExp over a name followed by `/`; `undefined` for a segment that is dropped.
function segmentSource(segment: Flat): string | undefined {
  if (segment === 'globstar') return '(?:[^./][^/]*/)*';
  const stars = segment.every((token) => token.kind === 'star');
  if (segment.length === 2 && stars) return '(?:[^./][^/]*/)*'; // `**` reached through braces
  if (segment.length === 0 || (segment.length === 1 && segment[0]!.kind === 'char' && segment[0]!.char === '.')) return undefined;
  const body = segment
    .map((token) => {
      if (token.kind === 'char') return escapeRegExp(token.char);
      if (token.kind === 'star') return '[^/]*';
      if (token.kind === 'any') return '[^/]';
      if (token.kind === 'class') return `[${token.negated ? '^/' : ''}${token.chars.map(escapeRegExp).join('')}]`;
      throw new Error('groups are expanded before');
    })
    .join('');
  const first = segment[0]!;
  return (first.kind === 'char' && first.char === '.' ? '' : '(?!\\.)') + body + '/';
}

function referenceMatches(pieces: readonly Piece[], names: readonly string[]): boolean {
  const text = names.map((name) => `${name}/`).join('');
  return expandPieces(pieces).some((alternative) => {
    const source = alternative.map(segmentSource).filter((part) => part !== undefined).join('');
    return new RegExp(`^${source}$`).test(text);
  });
}

const CHARS = ['a', 'b', 'B', '.', '*', '-', '{', ','];
const simpleToken: fc.Arbitrary<Token> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CHARS).map((char): Token => ({ kind: 'char', char })) },
  { weight: 3, arbitrary: fc.constant<Token>({ kind: 'star' }) },
  { weight: 2, arbitrary: fc.constant<Token>({ kind: 'any' }) },
  {
    weight: 1,
    arbitrary: fc.record({ negated: fc.boolean(), chars: fc.uniqueArray(fc.constantFrom('a', 'b', '.'), { minLength: 1, maxLength: 3 }) }).map((c): Token => ({ kind: 'class', ...c })),
  },
);
const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 8, arbitrary: simpleToken },
  { weight: 1, arbitrary: fc.array(fc.array(simpleToken, { maxLength: 3 }), { minLength: 2, maxLength: 3 }).map((options): Token => ({ kind: 'group', options })) },
);
const segment: fc.Arbitrary<Piece> = fc.array(token, { minLength: 1, maxLength: 4 }).map((tokens): Piece => ({ kind: 'segment', tokens }));
const simplePiece: fc.Arbitrary<Piece> = fc.oneof({ weight: 4, arbitrary: segment }, { weight: 1, arbitrary: fc.constant<Piece>({ kind: 'globstar' }) });
const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: simplePiece },
  { weight: 1, arbitrary: fc.array(fc.array(simplePiece, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 }).map((options): Piece => ({ kind: 'spanning', options })) },
);
const glob = fc.array(piece, { minLength: 1, maxLength: 4 }).filter((pieces) => expandPieces(pieces).length <= GLOB_LIMITS.maxAlternatives);
const name = fc
  .array(fc.constantFrom('a', 'b', 'B', '.', '*', '-', '{', ','), { minLength: 1, maxLength: 4 })
  .map((chars) => chars.join(''))
  .filter((n) => n !== '.' && n !== '..');
const path = fc.array(name, { minLength: 1, maxLength: 5 });

describe('pathGlobMatcher against a RegExp reference', () => {
  it('agrees on every glob and path', () => {
    fc.assert(
      fc.property(glob, path, (pieces, names) => {
        expect(pathGlobMatcher(renderPieces(pieces)).matches(names.join('/'))).toBe(referenceMatches(pieces, names));
      }),
      { numRuns: 4000 },
    );
  });

  it('agrees on paths built to nearly match, where most answers are yes', () => {
    // A path whose names each come from a glob segment's own witness, so matches are common.
    const witness = (flat: Flat): string[] => {
      if (flat === 'globstar') return ['a', 'b'];
      const text = flat.map((t) => (t.kind === 'char' ? t.char : t.kind === 'class' ? (t.negated ? 'B' : t.chars[0]!) : t.kind === 'any' ? 'b' : '')).join('');
      return text === '' || text === '.' || text === '..' ? [] : [text];
    };
    fc.assert(
      fc.property(glob, fc.nat(), (pieces, pick) => {
        const alternatives = expandPieces(pieces);
        const names = alternatives[pick % alternatives.length]!.flatMap(witness);
        fc.pre(names.length > 0);
        expect(pathGlobMatcher(renderPieces(pieces)).matches(names.join('/'))).toBe(referenceMatches(pieces, names));
      }),
      { numRuns: 3000 },
    );
  });

  it('never turns away a directory that holds a match, and takes one whole only when all below it matches', () => {
    fc.assert(
      fc.property(glob, path, path, (pieces, names, below) => {
        const matcher = pathGlobMatcher(renderPieces(pieces));
        if (referenceMatches(pieces, names)) {
          for (let depth = 0; depth < names.length; depth++) expect(matcher.mayMatchBelow(names.slice(0, depth).join('/'))).toBe(true);
        }
        const plainBelow = below.filter((n) => !n.startsWith('.'));
        if (matcher.matchesAllBelow(names.join('/')) && plainBelow.length > 0) {
          expect(referenceMatches(pieces, [...names, ...plainBelow])).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
