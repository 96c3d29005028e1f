import type { ComponentContext } from '@jackwatch/core';
import { describeSkip, type SkipReason, type SkippedEntry } from './skipped-entry.ts';
import { METRICS } from '@jackwatch/core';

/** How many skipped entries a source names (a `path` label on the counter, a warning in the log); later ones are counted and logged at debug. */
export const MAX_NAMED_SKIPS = 100;

/**
 * Reports the entries a source skips, each once: an entry skipped listing
 * after listing is reported again only when its reason changes, or when it
 * comes back after it was gone or readable.
 */
export class SkipReporter {
  readonly #context: ComponentContext;
  #reported = new Map<string, SkipReason>();
  #named = 0;

  constructor(context: ComponentContext) {
    this.#context = context;
  }

  /** Takes the entries one listing skipped; with `complete`, those it did not skip are forgotten. */
  update(skipped: Iterable<SkippedEntry>, complete: boolean): void {
    const current = new Map<string, SkipReason>();
    for (const entry of skipped) {
      if (current.has(entry.path)) continue;
      current.set(entry.path, entry.reason);
      if (this.#reported.get(entry.path) !== entry.reason) this.#report(entry);
    }
    if (complete) this.#reported = current;
    else for (const [path, reason] of current) this.#reported.set(path, reason);
  }

  #report(entry: SkippedEntry): void {
    const { id, telemetry, logger } = this.#context;
    const named = this.#named < MAX_NAMED_SKIPS;
    if (named) this.#named++;
    telemetry.add(METRICS.entriesSkipped.name, 1, named ? { source: id, reason: entry.reason, path: entry.path } : { source: id, reason: entry.reason });
    const log = named ? logger.warn.bind(logger) : logger.debug.bind(logger);
    log(`skipped ${describeSkip(entry)}`, { reason: entry.reason });
  }
}
