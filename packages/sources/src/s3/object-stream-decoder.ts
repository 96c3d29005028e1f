import type { InputLocation, Rejection, TrailEvent } from '@jackwatch/core';
import type { StreamPlan } from '../file/file-chunk.ts';
import { readLargeDocument } from '../file/large-document-reader.ts';
import { readErrorReason } from '../file/read-error-reason.ts';
import type { WholeFileSelection } from '../internal/decode-whole-file.ts';
import type { InterestFilter } from '../internal/interest-filter.ts';
import { BodyByteSource } from './body-byte-source.ts';
import type { DecodedObject } from './object-decoder.ts';

/** A streamed object, decoded, and the bytes downloaded. */
export interface StreamedObject extends DecodedObject {
  readonly bytes: number;
}

// Events per chunk of the readers; the object's events are gathered into one batch either way.
const CHUNK_EVENTS = 10_000;

/**
 * Decodes an object too large to hold whole as its body downloads, the way
 * the file source streams a large file: a `{"Records":[…]}` document or JSON
 * array record by record, anything else line by line, so memory holds one
 * chunk and at most one record of `selection.maxRecordSize` — a larger
 * record is scanned past, reported with its index and size, and the records
 * after it are read. With the prefilter, records that cannot match are not
 * parsed and only matching events are kept; with only a filter, the matching
 * events and each account and region's newest other one (for the watermark).
 *
 * Throws the error that broke the download (a dropped connection), so the
 * caller can download the object again; a damaged or cut gzip stream is
 * reported as a rejection instead, with every record before the damage kept.
 */
export async function decodeObjectStream(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, where: InputLocation, selection: WholeFileSelection): Promise<StreamedObject> {
  const input = new BodyByteSource(body);
  const rejections: Rejection[] = [];
  let skippedRecords = 0;
  const prefilter = selection.prefilter ? selection.filter : undefined;
  const plan: StreamPlan = {
    source: where.source,
    batchSize: CHUNK_EVENTS,
    maxRecordSize: selection.maxRecordSize,
    needles: prefilter?.needles,
    holdPartialLine: false,
    resume: undefined,
    reject: (rejection) => rejections.push(rejection),
    countPrefiltered: (_unit, count) => (skippedRecords += count),
  };
  const events: TrailEvent[] = [];
  for await (const chunk of readLargeDocument(input, where.location, { size: 0, mtimeMs: 0 }, plan)) {
    for (const event of chunk.events) events.push(event);
  }
  if (input.error !== undefined && readErrorReason(input.error) === 'unreadable') throw input.error;
  const kept = selection.filter === undefined ? events : keepForDetectors(events, selection.filter, prefilter === undefined);
  return { events: kept, rejections, skipped: false, skippedRecords, unmatchedRecords: events.length - kept.length, bytes: input.bytesRead };
}

// The events `filter` matches, plus — when the object's name does not stand in for them — each partition's newest other one.
function keepForDetectors(events: readonly TrailEvent[], filter: InterestFilter, keepNewestOthers: boolean): TrailEvent[] {
  const newest = new Map<string, TrailEvent>();
  const kept: TrailEvent[] = [];
  for (const event of events) {
    if (filter.matches(event.source, event.action)) kept.push(event);
    else if (keepNewestOthers) {
      const key = `${event.account ?? ''}\u0000${event.region ?? ''}`;
      const previous = newest.get(key);
      if (previous === undefined || event.time > previous.time) newest.set(key, event);
    }
  }
  if (newest.size === 0) return kept;
  return [...kept, ...newest.values()].sort((a, b) => Number(a.origin.index) - Number(b.origin.index));
}
