/**
 * Expands brace alternatives in a glob, as bash does: `a{b,c}d` → `abd`,
 * `acd`; nested braces work; a brace without a top-level comma (`{a}`) or
 * without its closing brace stays literal; `\{` and `\,` are escapes, kept
 * for the tokenizer. Stops as soon as there are more than `max` patterns,
 * so `{a,b}{a,b}{a,b}…` costs no more than `max` results.
 *
 * @returns the patterns, or `undefined` when there would be more than `max`.
 * @example expandBraces('role/{admin,ops}-*', 8) // ['role/admin-*', 'role/ops-*']
 */
export function expandBraces(pattern: string, max: number): string[] | undefined {
  const group = firstGroup(pattern);
  if (group === undefined) return [pattern];
  const prefix = pattern.slice(0, group.open);
  const suffix = pattern.slice(group.close + 1);
  const results: string[] = [];
  for (const alternative of group.alternatives) {
    const expanded = expandBraces(prefix + alternative + suffix, max - results.length);
    if (expanded === undefined) return undefined;
    results.push(...expanded);
    if (results.length > max) return undefined;
  }
  return results;
}

interface BraceGroup {
  readonly open: number;
  readonly close: number;
  readonly alternatives: readonly string[];
}

// The first `{…}` holding a top-level comma, with its alternatives.
function firstGroup(pattern: string): BraceGroup | undefined {
  for (let open = 0; open < pattern.length; open++) {
    const char = pattern[open];
    if (char === '\\') {
      open++;
    } else if (char === '{') {
      const group = groupAt(pattern, open);
      if (group !== undefined) return group;
    }
  }
  return undefined;
}

function groupAt(pattern: string, open: number): BraceGroup | undefined {
  const commas: number[] = [];
  let depth = 0;
  for (let index = open + 1; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
    } else if (char === '{') {
      depth++;
    } else if (char === '}') {
      if (depth === 0) {
        if (commas.length === 0) return undefined;
        const bounds = [open, ...commas, index];
        const alternatives = bounds.slice(1).map((end, i) => pattern.slice(bounds[i]! + 1, end));
        return { open, close: index, alternatives };
      }
      depth--;
    } else if (char === ',' && depth === 0) {
      commas.push(index);
    }
  }
  return undefined;
}
