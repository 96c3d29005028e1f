import { CST, Lexer } from 'yaml';
import { CONFIG_LIMITS } from './config-limits.ts';

/** A limit the text goes past, at the offset where it did. */
export interface YamlLimitProblem {
  readonly offset: number;
  readonly message: string;
}

/** What one pass of the YAML lexer found, before any parsing. */
export interface YamlTokenScan {
  /** The first limit the text goes past; the scan stops there. */
  readonly exceeded: YamlLimitProblem | undefined;
  /** Offsets of each unquoted `${` inside `[…]` or `{…}`, which YAML reads as the start of a mapping. */
  readonly flowReferences: readonly number[];
}

// Tokens the lexer emits as markers; they take no room in the text.
const MARKERS: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Runs the YAML lexer alone — one linear pass that stops at the first limit
 * — counting tokens and the nesting of flow collections (`[`, `{`), so a
 * text that would take the parser long is refused before it is parsed.
 * Also notes where `${…}` stands unquoted in a flow collection, to explain
 * the syntax error that follows.
 */
export function scanYamlTokens(text: string): YamlTokenScan {
  const flowReferences: number[] = [];
  let offset = 0;
  let tokens = 0;
  let flowDepth = 0;
  let previous = '';
  let previousWasScalar = false;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      scalarNext = token === CST.SCALAR;
      continue;
    }
    tokens++;
    if (tokens > CONFIG_LIMITS.maxTokens) {
      return { exceeded: { offset, message: `the config has more than ${CONFIG_LIMITS.maxTokens} YAML tokens (values, punctuation, line breaks), the most it may have` }, flowReferences };
    }
    if (token === '[' || token === '{') {
      if (token === '{' && previousWasScalar && flowDepth > 0 && previous.endsWith('$')) flowReferences.push(offset - 1);
      flowDepth++;
      if (flowDepth > CONFIG_LIMITS.maxDepth) {
        return { exceeded: { offset, message: `lists and mappings nest deeper than ${CONFIG_LIMITS.maxDepth} levels here, the most a config may have` }, flowReferences };
      }
    } else if ((token === ']' || token === '}') && flowDepth > 0) {
      flowDepth--;
    }
    previous = token;
    previousWasScalar = scalarNext;
    scalarNext = false;
    offset += token.length;
  }
  return { exceeded: undefined, flowReferences };
}
