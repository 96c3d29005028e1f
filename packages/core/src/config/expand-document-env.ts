import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { ConfigPath } from './config-path.ts';
import { expandEnvReferences, type ConfigEnvironment } from './env-expansion.ts';

/** A bad or unresolved reference at a path. */
export interface EnvProblem {
  readonly path: ConfigPath;
  readonly message: string;
}

/** What expanding a document did. */
export interface DocumentExpansion {
  /** Paths of the values that came (wholly or partly) from the environment. */
  readonly expandedPaths: readonly ConfigPath[];
  readonly problems: readonly EnvProblem[];
}

/**
 * Expands `${env:…}` in every string scalar value of `document`, in place
 * (mapping keys are left alone). The document's aliases must already be
 * replaced by the nodes they name (`parseYamlSource` does that): a value an
 * alias reused is then one node at several paths, expanded once and
 * reported at every path that uses it.
 */
export function expandEnvInDocument(document: Document.Parsed, env: ConfigEnvironment): DocumentExpansion {
  const expandedPaths: ConfigPath[] = [];
  const problems: EnvProblem[] = [];
  const done = new Map<unknown, boolean>();

  const visit = (node: unknown, path: ConfigPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      let expanded = done.get(node);
      if (expanded === undefined) {
        const result = expandEnvReferences(node.value, env);
        for (const message of result.errors) problems.push({ path, message });
        node.value = result.value;
        expanded = result.expanded;
        done.set(node, expanded);
      }
      if (expanded) expandedPaths.push(path);
    }
  };
  visit(document.contents, []);
  return { expandedPaths, problems };
}
