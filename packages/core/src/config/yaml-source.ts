import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigIssue } from './config-issue.ts';
import type { ConfigPath } from './config-path.ts';

/** A 1-based line and column in the config file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds where a path sits in the file. `at: 'key'` gives the position of the
 * mapping key itself (for an unknown key); for a path that does not exist
 * (a missing required key) it gives the key that holds the deepest existing
 * parent, or that parent's own position.
 */
export type ConfigLocator = (path: ConfigPath, at?: 'key' | 'value') => SourcePosition | undefined;

/** A YAML document parsed with source positions, and the syntax errors found. */
export interface YamlSource {
  readonly document: Document.Parsed;
  readonly locate: ConfigLocator;
  readonly issues: readonly ConfigIssue[];
}

/**
 * Parses YAML text keeping source positions. Syntax errors (and duplicate
 * keys) become issues naming `file:line:col`; their messages are cut before
 * the source excerpt yaml appends, which could show a secret.
 */
export function parseYamlSource(text: string, file: string | undefined): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const issues = document.errors.map((error): ConfigIssue => {
    const { line, column } = position(error.pos[0]);
    const message = error.code === 'MULTIPLE_DOCS' ? 'the config must be a single YAML document; remove the second "---"' : error.message;
    return { file, path: [], line, column, message: `YAML syntax error: ${message}` };
  });
  return { document, issues, locate: createLocator(document, position) };
}

function createLocator(document: Document.Parsed, position: (offset: number) => SourcePosition): ConfigLocator {
  const start = (node: unknown): SourcePosition | undefined => {
    const range = (node as Node | null | undefined)?.range;
    return range ? position(range[0]) : undefined;
  };
  return (path, at = 'value') => {
    let node: unknown = document.contents;
    let holder: SourcePosition | undefined = start(node) ?? { line: 1, column: 1 };
    for (const [index, segment] of path.entries()) {
      if (isAlias(node)) node = node.resolve(document);
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return holder;
        const keyPosition: SourcePosition | undefined = start(pair.key) ?? holder;
        if (last && at === 'key') return keyPosition;
        const value = pair.value;
        const empty = value === null || (isScalar(value) && value.value === null && value.source === '');
        node = value;
        holder = empty ? keyPosition : last ? start(value) ?? keyPosition : keyPosition;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) return holder;
        node = item;
        holder = start(item) ?? holder;
      } else {
        return holder;
      }
    }
    return holder;
  };
}
