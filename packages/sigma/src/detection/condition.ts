import { starMatch } from '../values/star-pattern.ts';

/** A parsed Sigma condition, search identifiers resolved. */
export type Condition =
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] };

/** A condition the parser rejected: the message says what and where (`at character N`). */
export class ConditionError extends Error {
  override readonly name = 'ConditionError';
  /** Jackwatch understands it but does not run it (Sigma v1 aggregations, `near`). */
  readonly unsupported: boolean;

  constructor(message: string, unsupported = false) {
    super(message);
    this.unsupported = unsupported;
  }
}

/** A condition that holds for no record: an `or` of nothing. */
const NEVER: Condition = { kind: 'or', operands: [] };

interface Token {
  readonly text: string;
  readonly at: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all', 'any']);

/**
 * Parses a condition — `and`, `or`, `not`, parentheses, `1 of x*`,
 * `all of x*`, `1 of them`, `all of them` (`any of` is `1 of`) — against the
 * rule's search identifiers. Precedence, loosest first: `or`, `and`, `not`,
 * `x of`, parentheses. Keywords are case-insensitive; identifiers are not.
 * `them` and every pattern leave out identifiers starting with `_` (a
 * pattern that starts with `_` keeps them); a pattern's `*` matches any run
 * of characters, and the pattern must match the whole identifier.
 *
 * A pattern that matches only `_` names (which it leaves out) holds for no
 * record, with `1 of` and `all of` alike, as pySigma reads it.
 *
 * @throws {ConditionError} on a syntax error, an unknown identifier, a pattern that matches no identifier at all, or a Sigma v1 aggregation (`| count() …`).
 */
export function parseCondition(text: string, identifiers: readonly string[]): Condition {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const isKeyword = (token: Token | undefined, word: string): boolean => token !== undefined && token.text.toLowerCase() === word;
  const where = (token: Token | undefined): string => (token === undefined ? 'at the end' : `at character ${token.at + 1} ("${token.text}")`);

  const parseOr = (): Condition => {
    const operands = [parseAnd()];
    while (isKeyword(peek(), 'or')) {
      position++;
      operands.push(parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  };
  const parseAnd = (): Condition => {
    const operands = [parseNot()];
    while (isKeyword(peek(), 'and')) {
      position++;
      operands.push(parseNot());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  };
  const parseNot = (): Condition => {
    if (isKeyword(peek(), 'not')) {
      position++;
      return { kind: 'not', operand: parseNot() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Condition => {
    const token = peek();
    if (token === undefined) throw new ConditionError('the condition ends where a search identifier, "(" or "not" was expected');
    if (token.text === '(') {
      position++;
      const inner = parseOr();
      if (peek()?.text !== ')') throw new ConditionError(`missing ")" ${where(peek())} to close the "(" at character ${token.at + 1}`);
      position++;
      return inner;
    }
    const next = tokens[position + 1];
    if (isKeyword(next, 'of')) return parseQuantifier(token);
    if (token.text === ')' || KEYWORDS.has(token.text.toLowerCase())) throw new ConditionError(`unexpected "${token.text}" ${where(token)}`);
    position++;
    if (token.text.includes('*')) throw new ConditionError(`"${token.text}" ${where(token)} is a pattern: write "1 of ${token.text}" or "all of ${token.text}"`);
    if (!identifiers.includes(token.text)) throw new ConditionError(`unknown search identifier "${token.text}" ${where(token)}${suggest(token.text, identifiers)}`);
    return { kind: 'identifier', name: token.text };
  };
  const parseQuantifier = (quantifier: Token): Condition => {
    const word = quantifier.text.toLowerCase();
    if (word !== '1' && word !== 'any' && word !== 'all') {
      throw new ConditionError(`"${quantifier.text} of" ${where(quantifier)}: only "1 of", "any of" and "all of" are defined`);
    }
    position += 2;
    const target = peek();
    if (target === undefined || target.text === '(' || target.text === ')') throw new ConditionError(`"${quantifier.text} of" needs "them" or a search identifier pattern ${where(target)}`);
    position++;
    const pattern = isKeyword(target, 'them') ? '*' : target.text;
    if (!identifiers.some((name) => starMatch(pattern, name))) throw new ConditionError(`"${target.text}" ${where(target)} matches no search identifier`);
    const operands = quantified(pattern, identifiers).map((name): Condition => ({ kind: 'identifier', name }));
    // Only `_` names matched, and the pattern leaves them out: as in pySigma, the quantifier holds for nothing.
    if (operands.length === 0) return NEVER;
    if (operands.length === 1) return operands[0]!;
    return { kind: word === 'all' ? 'and' : 'or', operands };
  };

  const condition = parseOr();
  if (position < tokens.length) throw new ConditionError(`unexpected "${tokens[position]!.text}" ${where(tokens[position])}; expected "and", "or" or the end`);
  return condition;
}

/**
 * The identifiers `x of pattern` stands for: those the pattern matches, leaving
 * out the ones that start with `_` — the specification makes `x of pattern`
 * "the same as `x of them`, restricted to matching identifiers" — unless the
 * pattern itself starts with `_`, which asks for them by name.
 */
function quantified(pattern: string, identifiers: readonly string[]): string[] {
  const asksForUnderscored = pattern.startsWith('_');
  return identifiers.filter((name) => (asksForUnderscored || !name.startsWith('_')) && starMatch(pattern, name));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:([()])|([^\s()|]+)|(\|)|(\S))/gy;
  for (let found = pattern.exec(text); found !== null && found[0] !== ''; found = pattern.exec(text)) {
    const at = found.index + found[0].length - (found[1] ?? found[2] ?? found[3] ?? found[4] ?? '').length;
    if (found[3] !== undefined) {
      throw new ConditionError(`"|" at character ${at + 1} starts a Sigma v1 aggregation (count, near); write a correlation rule instead`, true);
    }
    const word = found[1] ?? found[2] ?? found[4]!;
    if (word.toLowerCase() === 'near') throw new ConditionError(`"near" at character ${at + 1} is Sigma v1; write a temporal correlation rule instead`, true);
    tokens.push({ text: word, at });
  }
  if (tokens.length === 0) throw new ConditionError('the condition is empty');
  return tokens;
}

function suggest(name: string, identifiers: readonly string[]): string {
  const lower = name.toLowerCase();
  const close = identifiers.find((id) => id.toLowerCase() === lower || id.startsWith(name) || name.startsWith(id));
  return close === undefined ? `; the rule defines ${identifiers.map((id) => `"${id}"`).join(', ') || 'none'}` : `; did you mean "${close}"?`;
}
