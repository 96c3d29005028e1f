import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { RulePath } from './rule-issue.ts';

/** A line and column in a rule file, both 1-based. */
export interface RulePosition {
  readonly line: number;
  readonly column: number;
}

/** One YAML document of a rule file: a rule, a correlation, or something that cannot be read. */
export interface RuleDocument {
  /** Absolute path of the file. */
  readonly file: string;
  /** Position of the document in its file (0 for the first). */
  readonly index: number;
  /** Where the document starts. */
  readonly start: RulePosition;
  /** The document as plain data; `undefined` when it cannot be read (see `error`). */
  readonly value: unknown;
  /** Why the document cannot be read (a YAML syntax error), with its position. */
  readonly error: { readonly message: string; readonly position: RulePosition } | undefined;
  /** Where a YAML path of the document is written: the key for a mapping entry; the nearest existing node otherwise. */
  locate(path: RulePath): RulePosition;
}

/** Limits that keep a hostile rule file from costing unbounded time or memory. */
const MAX_ALIAS_COUNT = 100;

/**
 * Splits a rule file's text into its YAML documents (`---` separates a
 * correlation from the rules it uses), each with a locator for error
 * messages. Duplicate keys and alias bombs are errors of their document;
 * empty documents are left out.
 */
export function readRuleDocuments(file: string, text: string): RuleDocument[] {
  const lines = new LineCounter();
  let list: ReturnType<typeof parseDocuments>;
  try {
    list = parseDocuments(text, lines);
  } catch (error) {
    // The parser itself gave up (nesting deeper than its stack, say): the whole file is one unreadable document.
    const start = { line: 1, column: 1 };
    return [{ file, index: 0, start, value: undefined, error: { message: (error as Error).message, position: start }, locate: () => start }];
  }
  const position = (offset: number): RulePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const out: RuleDocument[] = [];
  list.forEach((doc, index) => {
    if (doc.contents === null && doc.errors.length === 0) return;
    const start = position((doc.contents as Node | null)?.range?.[0] ?? doc.range[0]);
    const locate = (path: RulePath): RulePosition => {
      const offset = locateOffset(doc, path);
      return offset === undefined ? start : position(offset);
    };
    const firstError = doc.errors[0];
    if (firstError !== undefined) {
      out.push({ file, index, start, value: undefined, error: { message: firstError.message.split('\n')[0]!, position: position(firstError.pos[0]) }, locate });
      return;
    }
    try {
      const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      out.push({ file, index, start, value, error: undefined, locate });
    } catch (error) {
      out.push({ file, index, start, value: undefined, error: { message: (error as Error).message, position: start }, locate });
    }
  });
  return out;
}

function parseDocuments(text: string, lines: LineCounter) {
  const documents = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  return Array.isArray(documents) ? documents : [];
}

function locateOffset(doc: Document, path: RulePath): number | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
