/**
 * What a detector can possibly match: events of `eventSource`, optionally only
 * the listed `eventNames` (compared case-insensitively). The pipeline unions
 * the interests of its detectors to skip, filter or push down everything else
 * (a byte prefilter, a CloudWatch filter pattern).
 */
export interface EventSelector {
  readonly eventSource: string;
  /** Omit to select every action of the source. */
  readonly eventNames?: readonly string[];
}

/** `'all'` when a detector must see every event (it disables prefiltering). */
export type Interest = 'all' | readonly EventSelector[];
