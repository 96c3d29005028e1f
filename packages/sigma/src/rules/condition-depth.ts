import type { RulePath } from './rule-issue.ts';

/** Most levels of parentheses and `not` a condition may nest; real rules use a handful. */
export const MAX_CONDITION_DEPTH = 64;

/**
 * How deep a Sigma condition nests: open parentheses plus the `not`s in
 * force at its deepest operand (`not (a and not b)` is 3). The condition
 * parser and evaluator recurse once per level, so a rule is refused past
 * {@link MAX_CONDITION_DEPTH} before it is compiled, instead of exhausting
 * the stack. Linear in the text's length; never throws.
 */
export function conditionDepth(text: string): number {
  const opened: number[] = [];
  let inForce = 0;
  let pendingNots = 0;
  let deepest = 0;
  for (const [token] of text.matchAll(/[()]|[^\s()]+/g)) {
    if (token === '(') {
      opened.push(1 + pendingNots);
      inForce += 1 + pendingNots;
      pendingNots = 0;
    } else if (token === ')') {
      inForce -= opened.pop() ?? 0;
    } else if (token.toLowerCase() === 'not') {
      pendingNots++;
    } else {
      deepest = Math.max(deepest, inForce + pendingNots);
      pendingNots = 0;
    }
    deepest = Math.max(deepest, inForce + pendingNots);
  }
  return deepest;
}

/** The conditions of a `detection` block nested past {@link MAX_CONDITION_DEPTH}, with their paths and depths. */
export function tooDeepConditions(detection: unknown): { readonly path: RulePath; readonly depth: number }[] {
  if (typeof detection !== 'object' || detection === null) return [];
  const condition = (detection as Record<string, unknown>)['condition'];
  const texts = Array.isArray(condition) ? condition : [condition];
  return texts.flatMap((text, index) => {
    if (typeof text !== 'string') return [];
    const depth = conditionDepth(text);
    const path = Array.isArray(condition) ? ['detection', 'condition', index] : ['detection', 'condition'];
    return depth > MAX_CONDITION_DEPTH ? [{ path, depth }] : [];
  });
}
