import type { RulePath } from './rule-issue.ts';

/**
 * Formats a YAML path of a rule as people read it: `detection.selection`,
 * `correlation.rules[1]`; a key that is not a plain word is quoted, so
 * `detection.selection["userIdentity.arn|contains"]` stays unambiguous.
 */
export function formatRulePath(path: RulePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
