import type { Rejection, TrailEvent } from '@jackwatch/core';
import type { WholeFileSelection } from '../internal/decode-whole-file.ts';
import type { WholeInflater } from '../internal/inflate-whole.ts';

/** Size and modification time of a file when it was opened. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Where reading a file stands: `next` is the index of the first record not
 * yet delivered (a record index, or a 1-based line number in NDJSON);
 * `offset`, for uncompressed NDJSON only, the byte offset of that line.
 */
export interface FileProgress {
  readonly next: number;
  readonly offset?: number;
}

/** One step of reading a file: the events decoded since the previous step and the progress after them. */
export interface FileChunk {
  readonly events: readonly TrailEvent[];
  /** File bytes read since the previous chunk. */
  readonly bytes: number;
  readonly stamp: FileStamp;
  readonly progress: FileProgress;
  /** True on the file's last chunk: once it is acked, the file is done. */
  readonly last: boolean;
}

/** What the streaming readers need to read one document (a large file, a large S3 object) record by record or line by line. */
export interface StreamPlan {
  /** Component id, for event origins. */
  readonly source: string;
  readonly batchSize: number;
  /** A record or line larger than this many bytes is rejected, not buffered. */
  readonly maxRecordSize: number;
  /** Strings a record must contain to be parsed; `undefined` parses everything. */
  readonly needles: readonly string[] | undefined;
  /**
   * Follow mode: an unterminated last NDJSON line that is not yet valid JSON is
   * left for the next poll instead of being rejected (its writer is mid-line).
   */
  readonly holdPartialLine: boolean;
  /** Where to resume: records before `next` are skipped; `offset` is a seek for uncompressed NDJSON. */
  readonly resume: FileProgress | undefined;
  readonly reject: (rejection: Rejection) => void;
  /** Counts what the prefilter skipped unparsed: whole files, or records of streamed files. */
  readonly countPrefiltered: (unit: 'files' | 'records', count: number) => void;
}

/** How to read one file. */
export interface ReadPlan extends StreamPlan {
  readonly maxWholeFileSize: number;
  /** What the detectors can match, and whether what cannot may be skipped unparsed (whole files only). */
  readonly selection: WholeFileSelection;
  /** Gunzips whole files into one reused buffer: one per reader. */
  readonly inflater: WholeInflater;
  /** Counts records decoded and valid but left out of whole files because no detector can match them. */
  readonly countUnmatched: (count: number) => void;
}
