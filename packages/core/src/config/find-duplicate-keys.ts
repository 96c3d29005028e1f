import { isCollection, isMap, isPair, isScalar, type Document } from 'yaml';

/** A mapping key written twice in the same mapping. */
export interface DuplicateKey {
  readonly key: string;
  /** Offset of the repeated key. */
  readonly offset: number;
  /** Offset of its first occurrence. */
  readonly firstOffset: number;
}

/**
 * Finds keys written twice in one mapping, comparing them as the config
 * reads them (`1` and `"1"` are the same key), with one set per mapping —
 * linear, unlike YAML's own pairwise check. Run it on a document whose
 * aliases are resolved (see `inlineAliases`); a repetition an alias reuses
 * is reported once.
 */
export function findDuplicateKeys(document: Document.Parsed): DuplicateKey[] {
  const found = new Map<number, DuplicateKey>();
  const visit = (node: unknown): void => {
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
      return;
    }
    if (!isCollection(node)) return;
    const seen = isMap(node) ? new Map<string, number>() : undefined;
    for (const item of node.items) {
      if (seen !== undefined && isPair(item) && isScalar(item.key)) {
        const key = item.key.value === null ? '' : String(item.key.value);
        const offset = item.key.range?.[0] ?? 0;
        const firstOffset = seen.get(key);
        if (firstOffset === undefined) seen.set(key, offset);
        else found.set(offset, { key, offset, firstOffset });
      }
      visit(item);
    }
  };
  visit(document.contents);
  return [...found.values()];
}
