import type { Rejection } from '../event/rejection.ts';
import type { TrailEvent } from '../event/trail-event.ts';

/** What decoding one input (a file, an object, a page) produced. */
export interface DecodedBatch {
  readonly events: TrailEvent[];
  readonly rejections: Rejection[];
}

/** Where the records of one input come from: the source id and the file, object or stream. */
export interface InputLocation {
  readonly source: string;
  readonly location: string;
}
