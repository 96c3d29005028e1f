import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigIssue } from './config-issue.ts';
import { CONFIG_LIMITS, formatBytes } from './config-limits.ts';
import type { ConfigPath } from './config-path.ts';
import { findDuplicateKeys } from './find-duplicate-keys.ts';
import { inlineAliases } from './inline-aliases.ts';
import { scanYamlTokens } from './scan-yaml-tokens.ts';

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
 * Parses YAML text keeping source positions, within {@link CONFIG_LIMITS}:
 * the text's size, its tokens and the nesting of flow collections are
 * checked by a lexer pass before parsing, and YAML aliases are resolved
 * within a budget right after (see `inlineAliases`), so nothing downstream
 * meets an alias or an unbounded expansion. Syntax errors,
 * duplicate keys and exceeded limits become issues naming `file:line:col`;
 * YAML's messages are cut before the source excerpt it appends, which could
 * show a secret.
 */
export function parseYamlSource(text: string, file: string | undefined): YamlSource {
  const refused = (message: string, at: SourcePosition | undefined): YamlSource => ({
    document: parseDocument(''),
    locate: () => undefined,
    issues: [{ file, path: [], line: at?.line, column: at?.column, message }],
  });
  if (Buffer.byteLength(text, 'utf8') > CONFIG_LIMITS.maxBytes) {
    return refused(`the config is larger than ${formatBytes(CONFIG_LIMITS.maxBytes)}, the most it may be`, undefined);
  }
  const scan = scanYamlTokens(text);
  if (scan.exceeded) return refused(scan.exceeded.message, positionIn(text, scan.exceeded.offset));

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const issueAt = (offset: number, message: string): ConfigIssue => ({ file, path: [], ...position(offset), message });
  const locate = createLocator(document, position);
  if (document.errors.length > 0) return { document, locate, issues: syntaxIssues(document, scan.flowReferences, text, issueAt) };

  const aliasProblem = inlineAliases(document);
  if (aliasProblem) return { document, locate, issues: [issueAt(aliasProblem.offset, aliasProblem.message)] };
  const duplicates = findDuplicateKeys(document).map((duplicate) => ({
    offset: duplicate.offset,
    message: `duplicate key "${duplicate.key}": the keys of a mapping must be unique (the first is on line ${position(duplicate.firstOffset).line})`,
  }));
  return { document, locate, issues: firstIssues(duplicates, 'duplicate keys', issueAt) };
}

// The first problems in file order, and one issue counting the rest, so that no text floods the output.
function firstIssues(
  problems: readonly { readonly offset: number; readonly message: string }[],
  what: string,
  issueAt: (offset: number, message: string) => ConfigIssue,
): ConfigIssue[] {
  const sorted = [...problems].sort((a, b) => a.offset - b.offset);
  const shown = sorted.slice(0, CONFIG_LIMITS.maxListedYamlProblems);
  const issues = shown.map((problem) => issueAt(problem.offset, problem.message));
  const next = sorted[shown.length];
  if (next !== undefined) issues.push(issueAt(next.offset, `… and ${sorted.length - shown.length} more ${what}`));
  return issues;
}

function syntaxIssues(
  document: Document.Parsed,
  flowReferences: readonly number[],
  text: string,
  issueAt: (offset: number, message: string) => ConfigIssue,
): ConfigIssue[] {
  const errors = document.errors.map((error) => ({ offset: error.pos[0], message: `YAML syntax error: ${syntaxMessage(error.code, error.message)}` }));
  const hints = flowReferences.map((offset) => {
    const reference = referenceAt(text, offset);
    return {
      offset,
      message: `${reference} inside [ ] or { } must be quoted, or YAML reads its "{" as a mapping: write ["${reference}"] (or { key: "${reference}" }), or use block style with one "- ${reference}" per line`,
    };
  });
  return firstIssues([...hints, ...errors], 'YAML syntax errors', issueAt);
}

function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the config must be a single YAML document; remove the second "---"';
  if (code === 'RESOURCE_EXHAUSTION') return `lists and mappings nest too deeply here (the most a config may have is ${CONFIG_LIMITS.maxDepth} levels)`;
  return message;
}

// The `${…}` (or escaped `$${…}`) at `offset`, as written, for a hint; a stand-in when it does not close soon.
function referenceAt(text: string, offset: number): string {
  const start = text[offset - 1] === '$' ? offset - 1 : offset;
  const written = text.slice(start, start + 80);
  const close = written.indexOf('}');
  return close > 0 && !written.slice(0, close).includes('\n') ? written.slice(0, close + 1) : '${env:NAME}';
}

function positionIn(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
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
