import type { EventOrigin } from './trail-event.ts';

/** Why an input was not turned into an event. Counted per reason in the run summary. */
export type RejectionReason =
  | 'malformed-json'
  | 'truncated'
  | 'not-cloudtrail'
  | 'missing-event-time'
  | 'bad-event-time'
  | 'unreadable'
  | 'decompression-failed';

/**
 * A record or a whole input that could not be decoded. It is counted and
 * reported with its origin; it never stops the pipeline.
 */
export interface Rejection {
  readonly reason: RejectionReason;
  readonly message: string;
  readonly origin: EventOrigin;
}
