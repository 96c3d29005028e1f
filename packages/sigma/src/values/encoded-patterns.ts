import type { IssueList, RulePath } from '../rules/rule-issue.ts';
import { base64, base64Offsets } from './base64.ts';
import type { Modifiers } from './modifiers.ts';
import { SigmaString } from './sigma-string.ts';
import { MAX_WINDASH_DASHES, windashVariants } from './string-matcher.ts';

/**
 * The literal patterns `base64` or `base64offset` make of a rule value: its
 * encoding (three, one per byte offset, for `base64offset`), and with
 * `windash` written before the encoding, the encodings of each dash form.
 * `undefined`, with the problem in `issues`, for a value with wildcards
 * (there is no encoding of "anything") or too many flag dashes.
 */
export function encodedPatterns(value: SigmaString, modifiers: Modifiers, encoding: 'base64' | 'base64offset', path: RulePath, issues: IssueList): SigmaString[] | undefined {
  const text = value.plainText();
  if (text === undefined) {
    issues.invalid(path, `"${encoding}" cannot encode a value with wildcards; escape "*" and "?" with a backslash`);
    return undefined;
  }
  const forms = modifiers.windashEncoded ? windashVariants(text) : [text];
  if (forms === undefined) {
    issues.invalid(path, `"windash" before "${encoding}" encodes every dash form of the value, so it takes at most ${MAX_WINDASH_DASHES} flag dashes`);
    return undefined;
  }
  return forms.flatMap((form) => (encoding === 'base64' ? [base64(form)] : base64Offsets(form))).map((encoded) => SigmaString.literal(encoded));
}
