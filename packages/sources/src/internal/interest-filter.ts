import type { Interest } from '@jackwatch/core';

// The only JSON escape that can stand for a letter, digit, dot or dash of an event source.
const JSON_ESCAPE = '\\u';

/**
 * What the detectors downstream can match, compiled for a source: the byte
 * strings a record must contain (its event source), and an exact test on a
 * decoded record's `eventSource` and `eventName` (names compared
 * case-insensitively, as the detectors do).
 */
export interface InterestFilter {
  /**
   * Byte strings one of which a matching record's text contains: its event
   * source as written, or `\u`, the JSON escape that can spell any of a
   * source's characters (`bedrock\u002eamazonaws.com` parses to the same
   * source, so a record holding an escape is parsed rather than skipped).
   * `undefined` when bytes cannot tell — a selector takes names from any
   * source, and names compare case-insensitively — so nothing may be skipped
   * unparsed (every record is parsed, then {@link matches} decides).
   */
  readonly needles: readonly string[] | undefined;
  /** The needles as UTF-8 bytes, to search inflated buffers without decoding them. */
  readonly needleBytes: readonly Buffer[] | undefined;
  /** True when a record of `source` and `action` can match. */
  matches(source: string, action: string): boolean;
}

/**
 * Compiles `interest` into an {@link InterestFilter}, or `undefined` when a
 * detector needs every event (`'all'`): then nothing may be skipped.
 *
 * @example
 * ```ts
 * const filter = compileInterest([{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }]);
 * filter?.matches('bedrock.amazonaws.com', 'invokemodel'); // true
 * ```
 */
export function compileInterest(interest: Interest): InterestFilter | undefined {
  if (interest === 'all') return undefined;
  const bySource = new Map<string, { exact: Set<string>; lower: Set<string> } | 'all'>();
  const anySource = { exact: new Set<string>(), lower: new Set<string>() };
  for (const selector of interest) {
    if (selector.eventSource === undefined) {
      for (const name of selector.eventNames) {
        anySource.exact.add(name);
        anySource.lower.add(name.toLowerCase());
      }
      continue;
    }
    const known = bySource.get(selector.eventSource);
    if (known === 'all') continue;
    if (selector.eventNames === undefined) {
      bySource.set(selector.eventSource, 'all');
      continue;
    }
    const names = known ?? { exact: new Set<string>(), lower: new Set<string>() };
    for (const name of selector.eventNames) {
      names.exact.add(name);
      names.lower.add(name.toLowerCase());
    }
    bySource.set(selector.eventSource, names);
  }
  const needles = anySource.exact.size > 0 ? undefined : [...bySource.keys(), JSON_ESCAPE];
  const named = (names: { exact: Set<string>; lower: Set<string> }, action: string): boolean => names.exact.has(action) || names.lower.has(action.toLowerCase());
  return {
    needles,
    needleBytes: needles?.map((needle) => Buffer.from(needle, 'utf8')),
    matches(source, action) {
      const names = bySource.get(source);
      if (names === 'all' || (names !== undefined && named(names, action))) return true;
      return anySource.exact.size > 0 && named(anySource, action);
    },
  };
}
