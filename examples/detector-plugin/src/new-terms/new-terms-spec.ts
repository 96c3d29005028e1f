import type { DetectorSpec, FindingContent, Selected, TrailEvent } from '@jackwatch/core';
import type { KnownValue } from './key-history.ts';

/** One event that showed a key with a value it was not seen with in the history window. */
export interface NewTermsMatch {
  /** The key, e.g. the access key id. */
  readonly key: string;
  /** The event, which anchors the finding. */
  readonly event: TrailEvent;
  /** Names of the terms whose value is new for the key. */
  readonly newTerms: readonly string[];
  /** Every term's value in this event (`'unknown'` when missing). */
  readonly values: Readonly<Record<string, string>>;
  /** Per term, the values the key was seen with before, newest first (at most 10). */
  readonly known: Readonly<Record<string, readonly KnownValue[]>>;
  /** Event time of the key's previous event. */
  readonly keyLastSeen: number;
}

/** A "new terms" rule: {@link newTerms}. It learns from and checks the events it selects (and `where` accepts). */
export interface NewTermsSpec extends DetectorSpec, Selected {
  /** The key whose history is kept (e.g. the access key); events without one are ignored. */
  by(event: TrailEvent): string | undefined;
  /** The watched terms: name → value of an event. A missing value is the value `'unknown'`. */
  readonly terms: Readonly<Record<string, (event: TrailEvent) => string | undefined>>;
  /** How long a value stays known after the key was last seen with it (ms). */
  readonly history: number;
  /** After a key's first event (no event in `history` before), events within this span (ms, inclusive) only teach. Default 0: the first second. */
  readonly learning?: number;
  /** Most values kept per key and term; beyond, the stalest is forgotten (counted as overflow). Default 1000. */
  readonly maxValuesPerKey?: number;
  /** Most events held until the watermark passes them; beyond, the oldest are decided early. Default 100 000. */
  readonly maxPending?: number;
  /** What the finding says about one match. */
  finding(match: NewTermsMatch): FindingContent;
}
