/**
 * `@jackwatch/core/decode` — decoding CloudTrail alone: delivery files, JSON
 * arrays, NDJSON and EventBridge envelopes into normalized events, without
 * the rest of core (config, runtime, registry). For code that only decodes —
 * a decode worker thread boots in a tenth of the time. The everyday decoders
 * (`decodeBuffer`, `decodeDocument`, `decodeRecords`, `normalizeRecord`) are
 * also exported by `@jackwatch/core`; the streaming parts (`RecordsSplitter`,
 * `decodeNdjson`, `decodeRecordText`, the size limits) only here.
 *
 * @example
 * ```ts
 * import { decodeBuffer } from '@jackwatch/core/decode';
 * const { events, rejections } = decodeBuffer(bytes, { source: 'mine', location: 's3://trail/key.json.gz' });
 * ```
 */
export { normalizeRecord, isRejection } from '../event/normalize.ts';
export { parseEventTime } from '../event/event-time.ts';
export type { TrailEvent, EventOrigin, EventOutcome } from '../event/trail-event.ts';
export type { Rejection, RejectionReason } from '../event/rejection.ts';
export type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
export { decodeDocument } from './decode-document.ts';
export { decodeBuffer, isGzip, DEFAULT_MAX_INFLATED_SIZE } from './decode-buffer.ts';
export type { DecodeBufferOptions } from './decode-buffer.ts';
export { decodeNdjson } from './decode-ndjson.ts';
export { decodeRecords } from './decode-records.ts';
export { decodeRecordsInSlices } from './decode-records-in-slices.ts';
export { unwrapRecord } from './unwrap-record.ts';
export type { DecodedBatch, DecodeOptions, InputLocation } from './decoded-batch.ts';
export { RecordsSplitter, RECORDS_OPENING, isOversized } from './records-splitter.ts';
export { recordsLayout, nextRecordStart, recordEnd } from './records-layout.ts';
export type { RecordsLayout } from './records-layout.ts';
export type { SplitEnd, SplitElement, OversizedElement } from './records-splitter.ts';
export { RecordsBatch } from './records-batch.ts';
export { DEFAULT_MAX_RECORD_SIZE, bytesOverLimit, oversizedRejection } from './record-size.ts';
export { salvageRecords } from './salvage-records.ts';
export { decodeRecordText } from './decode-record-text.ts';
