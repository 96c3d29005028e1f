import type { Rejection, TrailEvent } from '@jackwatch/core';
import type { InterestFilter } from '../internal/interest-filter.ts';
import { decodeWholeFile } from '../internal/decode-whole-file.ts';
import type { FileStamp } from './file-chunk.ts';
import type { WholeInflater } from '../internal/inflate-whole.ts';
import { readWholeBytesSync } from './read-whole-bytes.ts';

/** How a decode worker reads files: fixed for the life of a source. */
export interface DecodeSettings {
  /** Component id, for event origins. */
  readonly source: string;
  readonly maxWholeFileSize: number;
  /** A record larger than this is rejected unparsed. */
  readonly maxRecordSize: number;
  /** Skip unparsed what cannot match (`prefilter: true`) … */
  readonly prefilter: boolean;
  /** … what the detectors can match; `undefined`: everything. */
  readonly filter: InterestFilter | undefined;
  /** The worker's own inflater (bounded by `maxWholeFileSize`), and a read buffer it reuses: nothing decoded refers to either. */
  readonly inflater: WholeInflater;
  readonly scratch: { buffer: Buffer };
}

/** What decoding one file in a worker gave. */
export type DecodedFile =
  | {
      readonly kind: 'decoded';
      readonly stamp: FileStamp;
      readonly bytes: number;
      readonly events: TrailEvent[];
      readonly rejections: Rejection[];
      readonly prefiltered: boolean;
      readonly skippedRecords: number;
      readonly unmatchedRecords: number;
    }
  /** Too large to read whole (by its size, its gzip trailer, or inflating past `maxWholeFileSize`), damaged gzip, or appendable NDJSON: the main thread streams it. */
  | { readonly kind: 'stream' }
  | { readonly kind: 'unreadable'; readonly message: string };

/**
 * Reads and decodes one file whole, synchronously (a decode worker does
 * nothing else meanwhile). Only the events the detectors can match are
 * returned — with the prefilter, the others are not even parsed; without
 * it, every record is decoded and validated and, per account and region, the
 * newest other event is returned too, so the watermark advances exactly as
 * if all had been sent.
 */
export function decodeFileAt(path: string, settings: DecodeSettings): DecodedFile {
  const read = readWholeBytesSync(path, settings.maxWholeFileSize, settings.scratch);
  if (read.kind !== 'bytes') return read;
  const result = decodeWholeFile(read.bytes, { source: settings.source, location: path }, settings, settings.inflater);
  if (result === undefined) return { kind: 'stream' };
  const { events, rejections } = result.batch;
  return { kind: 'decoded', stamp: read.stamp, bytes: read.bytes.length, events, rejections, prefiltered: result.prefiltered, skippedRecords: result.skippedRecords, unmatchedRecords: result.unmatchedRecords };
}
