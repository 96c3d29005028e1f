/**
 * A brute-force evaluator of the Sigma semantics jackwatch implements,
 * written straight from the rules in docs/sigma.md and sharing no code with
 * the compiler: patterns are matched character by character with memoised
 * recursion, regular expressions with the JavaScript engine, conditions are
 * evaluated as a tree. Slow and simple on purpose; property tests compare
 * the compiled rules against it.
 */

/** A condition tree (the property tests render it to text for the compiler). */
export type RefCondition =
  | { readonly id: string }
  | { readonly not: RefCondition }
  | { readonly and: readonly RefCondition[] }
  | { readonly or: readonly RefCondition[] }
  | { readonly oneOf: string }
  | { readonly allOf: string };

/** One field item: the key as written (`field|mod|mod`) and its value(s). */
export interface RefItem {
  readonly key: string;
  readonly value: unknown;
}

/** True when `record` matches the selections under `condition`. */
export function refMatches(selections: Readonly<Record<string, readonly RefItem[]>>, condition: RefCondition, record: unknown): boolean {
  const names = Object.keys(selections);
  const evalCondition = (c: RefCondition): boolean => {
    if ('id' in c) return selections[c.id]!.every((item) => refItem(item, record));
    if ('not' in c) return !evalCondition(c.not);
    if ('and' in c) return c.and.every(evalCondition);
    if ('or' in c) return c.or.some(evalCondition);
    const pattern = 'oneOf' in c ? c.oneOf : c.allOf;
    // `them` is every name; a pattern the names it matches. Names starting with `_` count only for a pattern that does too.
    const chosen = names.filter((n) => (pattern === 'them' || globAny(pattern, n)) && (!n.startsWith('_') || pattern.startsWith('_')));
    // Nothing chosen (only `_` names matched) holds for neither quantifier.
    if (chosen.length === 0) return false;
    return 'oneOf' in c ? chosen.some((n) => evalCondition({ id: n })) : chosen.every((n) => evalCondition({ id: n }));
  };
  return evalCondition(condition);
}

function refItem(item: RefItem, record: unknown): boolean {
  const [field, ...mods] = item.key.split('|');
  const values = Array.isArray(item.value) ? item.value : [item.value];
  const has = (m: string): boolean => mods.includes(m);
  const found = lookup(record, field!.split('.'));
  if (has('exists')) return found.present === values[0];
  const leaves = found.nodes.flatMap(scalars);
  // neq: the field has a value, and the item without neq is false.
  if (has('neq')) return leaves.length > 0 && !refItem({ key: [field, ...mods.filter((m) => m !== 'neq')].join('|'), value: item.value }, record);
  const one = (value: unknown): boolean => {
    if (has('gt') || has('gte') || has('lt') || has('lte')) {
      const bound = Number(value);
      return leaves.some((leaf) => {
        const n = asNumber(leaf);
        if (n === undefined) return false;
        return has('gt') ? n > bound : has('gte') ? n >= bound : has('lt') ? n < bound : n <= bound;
      });
    }
    if (has('re')) {
      const flags = (has('i') ? 'i' : '') + (has('m') ? 'm' : '') + (has('s') ? 's' : '');
      const re = new RegExp(String(value), flags);
      return leaves.some((leaf) => re.test(String(leaf)));
    }
    if (value === null) return !found.nodes.some((n) => n !== null);
    if (typeof value === 'number' && mods.every((m) => m === 'all' || m === 'cased')) return leaves.some((leaf) => asNumber(leaf) === value);
    if (typeof value === 'boolean' && mods.every((m) => m === 'all' || m === 'cased')) return leaves.some((leaf) => leaf === value || (typeof leaf === 'string' && leaf.toLowerCase() === String(value)));
    let pattern = String(value);
    if (has('contains') || has('endswith')) pattern = `*${pattern}`;
    if (has('contains') || has('startswith')) pattern = `${pattern}*`;
    const cased = has('cased');
    return leaves.some((leaf) => globWhole(cased ? pattern : pattern.toLowerCase(), cased ? String(leaf) : String(leaf).toLowerCase()));
  };
  return has('all') ? values.every(one) : values.some(one);
}

function lookup(node: unknown, path: readonly string[]): { present: boolean; nodes: unknown[] } {
  if (path.length === 0) return { present: true, nodes: Array.isArray(node) ? node.flat(Infinity) : [node] };
  if (Array.isArray(node)) {
    const parts = node.flat(Infinity).map((element) => lookup(element, path));
    return { present: parts.some((p) => p.present), nodes: parts.flatMap((p) => p.nodes) };
  }
  if (typeof node !== 'object' || node === null || !(path[0]! in node)) return { present: false, nodes: [] };
  return lookup((node as Record<string, unknown>)[path[0]!], path.slice(1));
}

function scalars(node: unknown): unknown[] {
  if (node === null || node === undefined) return [];
  if (Array.isArray(node)) return node.flatMap(scalars);
  if (typeof node === 'object') return Object.values(node).flatMap(scalars);
  return [node];
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

// A Sigma pattern (`*`, `?`, `\` escapes) against a whole string, by memoised recursion over code points.
function globWhole(pattern: string, text: string): boolean {
  const tokens: ({ any: true } | { one: true } | { ch: string })[] = [];
  const p = [...pattern];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\' && (p[i + 1] === '*' || p[i + 1] === '?' || p[i + 1] === '\\')) tokens.push({ ch: p[++i]! });
    else if (p[i] === '*') tokens.push({ any: true });
    else if (p[i] === '?') tokens.push({ one: true });
    else tokens.push({ ch: p[i]! });
  }
  const t = [...text];
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === tokens.length) result = j === t.length;
    else {
      const token = tokens[i]!;
      if ('any' in token) result = go(i + 1, j) || (j < t.length && go(i, j + 1));
      else if ('one' in token) result = j < t.length && go(i + 1, j + 1);
      else result = j < t.length && t[j] === token.ch && go(i + 1, j + 1);
    }
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

function globAny(pattern: string, name: string): boolean {
  return globWhole(pattern.replaceAll('?', '\\?'), name);
}
