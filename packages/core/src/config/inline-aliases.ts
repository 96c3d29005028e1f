import { isAlias, isCollection, isNode, isPair, type Document, type Node } from 'yaml';
import { CONFIG_LIMITS } from './config-limits.ts';
import type { YamlLimitProblem } from './scan-yaml-tokens.ts';

/** The expanded size of a node: values in it, and levels of nesting including itself. */
interface Extent {
  readonly values: number;
  readonly depth: number;
}

const NOTHING: Extent = { values: 0, depth: 0 };

/** Something holding YAML values by key or index: a document, a pair, a collection's items. */
type Slots = Record<string | number, unknown>;

/**
 * Replaces every YAML alias (`*name`) of `document` by the node its anchor
 * (`&name`) marks — the same node, shared, not a copy — so that everything
 * read afterwards walks a finite tree of known size, without resolving
 * aliases. Refuses, before putting it in place, an alias that would expand
 * the document by more than {@link CONFIG_LIMITS}.maxAliasValues values in
 * total (a "billion laughs" bomb), one that nests it deeper than
 * {@link CONFIG_LIMITS}.maxDepth levels, an alias inside its own anchor
 * (a structure without end) and an alias without an anchor before it.
 * One walk over the document: each anchor's expanded size is computed once.
 * A node may thus appear at several paths: whoever changes one in place
 * must do it once (see `expandEnvInDocument`).
 *
 * @returns the first problem found (the document is then left half done), or `undefined`.
 */
export function inlineAliases(document: Document.Parsed): YamlLimitProblem | undefined {
  const anchors = new Map<string, Node>();
  const extents = new Map<Node, Extent>();
  let added = 0;
  let problem: YamlLimitProblem | undefined;

  const at = (node: unknown): number => (isNode(node) ? (node.range?.[0] ?? 0) : 0);

  // Measures the value in `holder[slot]` at `depth`, replacing it by a copy when it is an alias.
  const visitSlot = (holder: Slots, slot: string | number, depth: number): Extent => {
    const node = holder[slot];
    if (!isAlias(node)) return visit(node, depth);
    const target = anchors.get(node.source);
    if (target === undefined) {
      problem ??= { offset: at(node), message: `alias *${node.source} has no anchor &${node.source} before it` };
      return NOTHING;
    }
    const extent = extents.get(target);
    if (extent === undefined) {
      problem ??= { offset: at(node), message: `alias *${node.source} is inside its own anchor &${node.source}, a structure without end` };
      return NOTHING;
    }
    if (depth + extent.depth - 1 > CONFIG_LIMITS.maxDepth) {
      problem ??= { offset: at(node), message: `alias *${node.source} nests the config deeper than ${CONFIG_LIMITS.maxDepth} levels, the most it may have` };
      return NOTHING;
    }
    added += extent.values;
    if (added > CONFIG_LIMITS.maxAliasValues) {
      problem ??= {
        offset: at(node),
        message: `YAML aliases expand to more than ${CONFIG_LIMITS.maxAliasValues} values here, the most a config may have (an alias bomb?); write the values out instead`,
      };
      return NOTHING;
    }
    holder[slot] = target;
    return extent;
  };

  const visit = (node: unknown, depth: number): Extent => {
    if (problem !== undefined || node === null || node === undefined) return NOTHING;
    if (depth > CONFIG_LIMITS.maxDepth) {
      problem = { offset: at(node), message: `lists and mappings nest deeper than ${CONFIG_LIMITS.maxDepth} levels here, the most a config may have` };
      return NOTHING;
    }
    if (isNode(node) && node.anchor !== undefined) anchors.set(node.anchor, node);
    let extent: Extent = { values: 1, depth: 1 };
    if (isCollection(node)) {
      let values = 1;
      let deepest = 0;
      const items = node.items as unknown as Slots;
      for (let index = 0; index < node.items.length; index++) {
        const item = node.items[index];
        const parts = isPair(item)
          ? [visitSlot(item as unknown as Slots, 'key', depth + 1), visitSlot(item as unknown as Slots, 'value', depth + 1)]
          : [visitSlot(items, index, depth + 1)];
        for (const part of parts) {
          values += part.values;
          deepest = Math.max(deepest, part.depth);
        }
      }
      extent = { values, depth: deepest + 1 };
    }
    if (isNode(node) && node.anchor !== undefined) extents.set(node, extent);
    return extent;
  };

  visitSlot(document as unknown as Slots, 'contents', 1);
  return problem;
}
