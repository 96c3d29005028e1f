/**
 * Tells whether a log event message matches a CloudWatch Logs filter pattern.
 * Throws {@link FilterPatternSyntaxError} for a pattern outside the supported
 * subset, which the fake answers with `InvalidParameterException`, as AWS does
 * for a pattern it cannot parse.
 */
export type MessageMatcher = (message: string) => boolean;

/** A filter pattern the fake cannot parse. */
export class FilterPatternSyntaxError extends Error {
  override readonly name = 'FilterPatternSyntaxError';
}

type Expression =
  | { readonly kind: 'or' | 'and'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'compare'; readonly path: readonly (string | number)[]; readonly operator: Operator; readonly value: string | number };

type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

// A JSON pattern tokenizes into these: punctuation, operators, selectors, quoted strings and bare words.
const TOKEN = /\s*(\(|\)|&&|\|\||!=|<=|>=|=|<|>|\$[^\s()=!<>&|]*|"(?:[^"\\]|\\.)*"|[^\s()=!<>&|"]+)/y;

/**
 * Compiles the subset of the CloudWatch Logs filter pattern syntax the fake
 * understands:
 * - the empty pattern matches every event;
 * - JSON patterns `{ $.a.b = "x" }` with `=`/`!=` on strings (quoted or bare,
 *   `*` as a wildcard) and `=`, `!=`, `<`, `<=`, `>`, `>=` on numbers, joined by
 *   `&&` and `||` (`&&` binds tighter) with parentheses; `$.a[0]` indexes arrays.
 *   A missing field matches no comparison; a message that is not JSON matches
 *   no JSON pattern;
 * - term patterns: space-separated words or `"quoted phrases"` that must all
 *   occur in the message (case-sensitive).
 */
export function compileFilterPattern(pattern: string | undefined): MessageMatcher {
  const text = (pattern ?? '').trim();
  if (text === '') return () => true;
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw new FilterPatternSyntaxError(`JSON filter pattern must end with "}": ${text}`);
    const expression = new Parser(text.slice(1, -1)).parse();
    return (message) => {
      const document = parseJson(message);
      return document !== undefined && evaluate(expression, document);
    };
  }
  if (/^[[%]/.test(text)) throw new FilterPatternSyntaxError(`space-delimited and regular-expression patterns are not supported by the fake: ${text}`);
  const matches = [...text.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)];
  const operator = matches.find((m) => m[2] !== undefined && /^[?-]/.test(m[2]));
  if (operator) throw new FilterPatternSyntaxError(`?term and -term are not supported by the fake: ${operator[0]}`);
  const terms = matches.map((m) => m[1] ?? m[2] ?? '');
  return (message) => terms.every((term) => message.includes(term));
}

class Parser {
  readonly #tokens: string[] = [];
  #at = 0;

  constructor(source: string) {
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < source.length) {
      const start = TOKEN.lastIndex;
      const match = TOKEN.exec(source);
      if (!match?.[1]) {
        if (source.slice(start).trim() === '') break;
        throw new FilterPatternSyntaxError(`cannot read the filter pattern at "${source.slice(start).trim()}"`);
      }
      this.#tokens.push(match[1]);
    }
  }

  parse(): Expression {
    const expression = this.#or();
    if (this.#at < this.#tokens.length) throw new FilterPatternSyntaxError(`unexpected "${this.#tokens[this.#at]}" in filter pattern`);
    return expression;
  }

  #or(): Expression {
    let left = this.#and();
    while (this.#peek() === '||') {
      this.#at++;
      left = { kind: 'or', left, right: this.#and() };
    }
    return left;
  }

  #and(): Expression {
    let left = this.#unary();
    while (this.#peek() === '&&') {
      this.#at++;
      left = { kind: 'and', left, right: this.#unary() };
    }
    return left;
  }

  #unary(): Expression {
    if (this.#peek() === '(') {
      this.#at++;
      const inner = this.#or();
      if (this.#next() !== ')') throw new FilterPatternSyntaxError('missing ")" in filter pattern');
      return inner;
    }
    const selector = this.#next();
    if (!selector?.startsWith('$')) throw new FilterPatternSyntaxError(`expected a selector such as $.eventName, got "${selector ?? 'end'}"`);
    const operator = this.#next();
    if (!isOperator(operator)) throw new FilterPatternSyntaxError(`expected a comparison after ${selector}, got "${operator ?? 'end'}"`);
    const raw = this.#next();
    if (raw === undefined) throw new FilterPatternSyntaxError(`missing value after ${selector} ${operator}`);
    return { kind: 'compare', path: parseSelector(selector), operator, value: parseValue(raw, operator) };
  }

  #peek(): string | undefined {
    return this.#tokens[this.#at];
  }

  #next(): string | undefined {
    return this.#tokens[this.#at++];
  }
}

function isOperator(token: string | undefined): token is Operator {
  return token === '=' || token === '!=' || token === '<' || token === '<=' || token === '>' || token === '>=';
}

function parseSelector(selector: string): (string | number)[] {
  const path: (string | number)[] = [];
  const part = /\.([^.[\]]+)|\[(\d+)\]/y;
  part.lastIndex = 1;
  while (part.lastIndex < selector.length) {
    const match = part.exec(selector);
    if (!match) throw new FilterPatternSyntaxError(`cannot read selector ${selector}`);
    path.push(match[1] ?? Number(match[2]));
  }
  return path;
}

function parseValue(raw: string, operator: Operator): string | number {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  const number = Number(raw);
  if (raw !== '' && Number.isFinite(number)) return number;
  if (operator !== '=' && operator !== '!=') throw new FilterPatternSyntaxError(`${operator} needs a number, got ${raw}`);
  return raw;
}

function evaluate(expression: Expression, document: unknown): boolean {
  switch (expression.kind) {
    case 'or':
      return evaluate(expression.left, document) || evaluate(expression.right, document);
    case 'and':
      return evaluate(expression.left, document) && evaluate(expression.right, document);
    case 'compare':
      return compare(select(document, expression.path), expression.operator, expression.value);
  }
}

function select(document: unknown, path: readonly (string | number)[]): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function compare(actual: unknown, operator: Operator, expected: string | number): boolean {
  if (actual === undefined || actual === null || typeof actual === 'object') return false;
  if (typeof expected === 'number') {
    const number = typeof actual === 'number' ? actual : Number(actual);
    if (!Number.isFinite(number)) return operator === '!=';
    switch (operator) {
      case '=': return number === expected;
      case '!=': return number !== expected;
      case '<': return number < expected;
      case '<=': return number <= expected;
      case '>': return number > expected;
      case '>=': return number >= expected;
    }
  }
  const equal = wildcard(expected).test(String(actual));
  return operator === '=' ? equal : !equal;
}

function wildcard(value: string): RegExp {
  return new RegExp(`^${value.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

function parseJson(message: string): unknown {
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
}
