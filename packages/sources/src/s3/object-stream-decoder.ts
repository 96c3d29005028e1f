import type { InputLocation, Rejection, TrailEvent } from '@jackwatch/core';
import type { StreamPlan } from '../file/file-chunk.ts';
import { readLargeDocument } from '../file/large-document-reader.ts';
import { readErrorReason } from '../file/read-error-reason.ts';
import type { WholeFileSelection } from '../internal/decode-whole-file.ts';
import type { InterestFilter } from '../internal/interest-filter.ts';
import { BodyByteSource } from './body-byte-source.ts';

/** One part of a streamed object: what was decoded since the previous part. */
export interface StreamedPart {
  readonly events: readonly TrailEvent[];
  readonly rejections: readonly Rejection[];
  /** Records the prefilter skipped unparsed. */
  readonly skippedRecords: number;
  /** Records parsed and valid but left out: no detector can match them. */
  readonly unmatchedRecords: number;
  /** Bytes downloaded since the previous part. */
  readonly bytes: number;
  /** The index of the first record after this part: where a new download resumes. */
  readonly next: number;
  /** True on the object's last part. */
  readonly last: boolean;
}

// Events per part: what a streamed object holds in memory at once, twice (the part delivered, the next being decoded).
const PART_EVENTS = 10_000;

/**
 * Decodes an object too large to hold whole as its body downloads, the way
 * the file source streams a large file: a `{"Records":[…]}` document or JSON
 * array record by record, anything else line by line, and yields it in parts
 * of at most 10,000 events, so memory holds a part or two and at most one
 * record of `selection.maxRecordSize` — a larger record is scanned past,
 * reported with its index and size, and the records after it are read. With
 * the prefilter, records that cannot match are not parsed and only matching
 * events are kept; with only a filter, the matching events and each account
 * and region's newest other one (for the watermark). Records before
 * `resumeAt` (delivered from an earlier download) are skipped, not reported
 * again.
 *
 * When the download breaks (a dropped connection), the records decoded
 * before the break are yielded, as a part that is not the last, and then the
 * error is thrown, so the caller can download the object again from the
 * last part's `next`; a damaged or cut gzip stream is reported as a
 * rejection instead, with every record before the damage kept.
 */
export async function* streamObject(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, where: InputLocation, selection: WholeFileSelection, resumeAt = 0): AsyncGenerator<StreamedPart> {
  const input = new BodyByteSource(body);
  let rejections: Rejection[] = [];
  let skippedRecords = 0;
  let bytesBefore = 0;
  let next = resumeAt;
  const prefilter = selection.prefilter ? selection.filter : undefined;
  const plan: StreamPlan = {
    source: where.source,
    batchSize: PART_EVENTS,
    maxRecordSize: selection.maxRecordSize,
    needles: prefilter?.needles,
    holdPartialLine: false,
    resume: resumeAt > 0 ? { next: resumeAt } : undefined,
    reject: (rejection) => rejections.push(rejection),
    countPrefiltered: (_unit, count) => (skippedRecords += count),
  };
  // The part decoded last, held back until the next one shows whether it is the last.
  let held: StreamedPart | undefined;
  const cut = (events: readonly TrailEvent[], last: boolean): StreamedPart => {
    const kept = selection.filter === undefined ? events : keepForDetectors(events, selection.filter, prefilter === undefined);
    const part = { events: kept, rejections, skippedRecords, unmatchedRecords: events.length - kept.length, bytes: input.bytesRead - bytesBefore, next, last };
    rejections = [];
    skippedRecords = 0;
    bytesBefore = input.bytesRead;
    return part;
  };
  for await (const chunk of readLargeDocument(input, where.location, { size: 0, mtimeMs: 0 }, plan)) {
    next = chunk.progress.next;
    // A broken download is not the object's fault: it is downloaded again, not reported.
    if (brokenDownload(input)) rejections = rejections.filter((r) => r.reason !== 'unreadable');
    const part = cut(chunk.events, false);
    // A chunk without events (records all skipped, the end of the document) joins the part before it.
    if (held !== undefined && part.events.length === 0) held = joined(held, part);
    else {
      if (held !== undefined) yield held;
      held = part;
    }
  }
  if (brokenDownload(input)) {
    if (held !== undefined && held.events.length > 0) yield held;
    throw input.error;
  }
  const end = cut([], true);
  yield held === undefined ? end : joined(held, end);
}

// `a` and then `b` as one part: `b`'s events after `a`'s, where to resume and whether it is the last from `b`.
function joined(a: StreamedPart, b: StreamedPart): StreamedPart {
  return {
    events: b.events.length === 0 ? a.events : [...a.events, ...b.events],
    rejections: b.rejections.length === 0 ? a.rejections : [...a.rejections, ...b.rejections],
    skippedRecords: a.skippedRecords + b.skippedRecords,
    unmatchedRecords: a.unmatchedRecords + b.unmatchedRecords,
    bytes: a.bytes + b.bytes,
    next: b.next,
    last: b.last,
  };
}

function brokenDownload(input: BodyByteSource): boolean {
  return input.error !== undefined && readErrorReason(input.error) === 'unreadable';
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
