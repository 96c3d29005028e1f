/** One piece of a Sigma string: literal text, or a wildcard (`*` any run of characters, `?` exactly one). */
export type StringPart = { readonly literal: string } | { readonly wildcard: '*' | '?' };

/**
 * A rule's string value with its wildcards resolved: `*` and `?` are
 * wildcards, and a backslash escapes `*`, `?` and itself. A backslash before
 * anything else is a plain backslash, so `C:\Windows` needs no escaping,
 * `\*` is a literal star, `\\*` a backslash then a wildcard and `\\\\` two
 * backslashes (the Sigma specification's escaping rules).
 */
export class SigmaString {
  readonly parts: readonly StringPart[];

  constructor(parts: readonly StringPart[]) {
    this.parts = mergeLiterals(parts);
  }

  /** Parses a rule value as written. */
  static parse(text: string): SigmaString {
    const parts: StringPart[] = [];
    let literal = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\') {
        const next = text[i + 1];
        if (next === '*' || next === '?' || next === '\\') {
          literal += next;
          i++;
        } else {
          literal += c;
        }
      } else if (c === '*' || c === '?') {
        if (literal !== '') parts.push({ literal });
        literal = '';
        parts.push({ wildcard: c });
      } else {
        literal += c;
      }
    }
    if (literal !== '') parts.push({ literal });
    return new SigmaString(parts);
  }

  /** A string of literal text only (for values that are not patterns: base64 output, field references). */
  static literal(text: string): SigmaString {
    return new SigmaString(text === '' ? [] : [{ literal: text }]);
  }

  /** True when the string holds a `*` or `?` wildcard. */
  hasWildcards(): boolean {
    return this.parts.some((part) => 'wildcard' in part);
  }

  /** The text when the string has no wildcards, else `undefined`. */
  plainText(): string | undefined {
    if (this.hasWildcards()) return undefined;
    return this.parts.map((part) => ('literal' in part ? part.literal : '')).join('');
  }

  /** This string with `*` added in front (unless it starts with one). */
  withLeadingStar(): SigmaString {
    const first = this.parts[0];
    return first !== undefined && 'wildcard' in first && first.wildcard === '*' ? this : new SigmaString([{ wildcard: '*' }, ...this.parts]);
  }

  /** This string with `*` added at the end (unless it ends with one). */
  withTrailingStar(): SigmaString {
    const last = this.parts[this.parts.length - 1];
    return last !== undefined && 'wildcard' in last && last.wildcard === '*' ? this : new SigmaString([...this.parts, { wildcard: '*' }]);
  }
}

function mergeLiterals(parts: readonly StringPart[]): StringPart[] {
  const merged: StringPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ('literal' in part) {
      if (part.literal === '') continue;
      if (last !== undefined && 'literal' in last) merged[merged.length - 1] = { literal: last.literal + part.literal };
      else merged.push(part);
    } else if (!(part.wildcard === '*' && last !== undefined && 'wildcard' in last && last.wildcard === '*')) {
      merged.push(part);
    }
  }
  return merged;
}
