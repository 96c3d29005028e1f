/**
 * What a detector can possibly match, as one of:
 * - events of `eventSource`, optionally only the listed `eventNames`;
 * - events with one of the listed `eventNames`, whatever their source
 *   (`eventSource` left out: a rule that tests the name alone).
 *
 * Names are compared case-insensitively, sources exactly. The pipeline
 * unions the interests of its detectors to route each event only to the
 * detectors that can match it, and to skip, filter or push down everything
 * else (a byte prefilter, a CloudWatch filter pattern).
 */
export type EventSelector = SourceSelector | NameSelector;

/** Events of one source: every action of it, or only the listed ones. */
export interface SourceSelector {
  readonly eventSource: string;
  /** Omit to select every action of the source. */
  readonly eventNames?: readonly string[];
}

/** Events with one of these names, from any source. */
export interface NameSelector {
  readonly eventSource?: undefined;
  readonly eventNames: readonly string[];
}

/** `'all'` when a detector must see every event (it disables prefiltering). */
export type Interest = 'all' | readonly EventSelector[];
