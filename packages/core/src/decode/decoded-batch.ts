import type { Rejection } from '../event/rejection.ts';
import type { TrailEvent } from '../event/trail-event.ts';

/** What decoding one input (a file, an object, a page) produced. */
export interface DecodedBatch {
  readonly events: TrailEvent[];
  readonly rejections: Rejection[];
  /** Valid records left out because {@link DecodeOptions.keep} did not want them; absent when nothing was left out. */
  readonly unmatched?: number;
}

/** Where the records of one input come from: the source id and the file, object or stream. */
export interface InputLocation {
  readonly source: string;
  readonly location: string;
}

/** How the decoders treat valid records. */
export interface DecodeOptions {
  /**
   * Which events are wanted, by `eventSource` and `eventName` — say, what
   * some detector can match. Every record is still parsed and validated (a
   * bad one is rejected either way), but only wanted ones become events,
   * plus, for each account and region, the newest of the others: watermarks
   * depend only on each partition's newest event time, so they advance
   * exactly as if every event had been returned. The rest are counted in
   * {@link DecodedBatch.unmatched}. Records in EventBridge envelopes and
   * NDJSON lines are returned whether wanted or not.
   */
  readonly keep?: (source: string, action: string) => boolean;
  /**
   * The largest record (array element, NDJSON line, single document) to
   * parse, in UTF-8 bytes. A larger one is rejected (`malformed-json`, with
   * its index, its size and the limit) without being parsed, and the records
   * after it are still decoded. Unlimited when absent.
   */
  readonly maxRecordSize?: number;
}
