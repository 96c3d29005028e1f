import type { DecodedBatch, InputLocation } from '@jackwatch/core';
import { decodeWholeFile, type WholeFileSelection } from '../internal/decode-whole-file.ts';
import type { WholeInflater } from '../internal/inflate-whole.ts';

/** What decoding one object gave, and what was left out of it. */
export interface DecodedObject extends DecodedBatch {
  /** True when the prefilter skipped the whole object: its bytes name none of the event sources of interest. */
  readonly skipped: boolean;
  /** Records the prefilter skipped unparsed inside an object that was read. */
  readonly skippedRecords: number;
  /** Records parsed and valid but left out: no detector can match them. */
  readonly unmatchedRecords: number;
}

/**
 * Decodes one whole S3 object as the file source decodes a whole file
 * (`decodeWholeFile`): gunzipped in one call into `inflater`'s reused
 * buffer, then any CloudTrail shape core accepts; a truncated or damaged
 * `{"Records":[…]}` keeps its complete records and reports the damage. It
 * returns `undefined` when the object inflates past `inflater`'s
 * `maxInflatedSize` (inflating stops there) or its gzip data is damaged:
 * stream it instead (see `decodeWholeFile`). With
 * a `selection.filter`, only the events a detector can match come back (plus,
 * without the prefilter, each account and region's newest other event); with
 * `selection.prefilter`, what cannot match is not even parsed. An object
 * that is empty, or blank once decompressed, is rejected as unreadable: it
 * cannot be a CloudTrail delivery file. Never throws.
 */
export function decodeObject(bytes: Uint8Array, where: InputLocation, selection: WholeFileSelection, inflater: WholeInflater): DecodedObject | undefined {
  if (bytes.length === 0) return unreadable('empty object (0 bytes): not a CloudTrail delivery file', where);
  const result = decodeWholeFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), where, selection, inflater);
  if (result === undefined) return undefined;
  if (result.blank === true) return unreadable('object holds no data after decompression', where);
  const { events, rejections } = result.batch;
  return { events, rejections, skipped: result.prefiltered, skippedRecords: result.skippedRecords, unmatchedRecords: result.unmatchedRecords };
}

function unreadable(message: string, where: InputLocation): DecodedObject {
  const origin = { source: where.source, location: where.location, index: -1 };
  return { events: [], rejections: [{ reason: 'unreadable', message, origin }], skipped: false, skippedRecords: 0, unmatchedRecords: 0 };
}
