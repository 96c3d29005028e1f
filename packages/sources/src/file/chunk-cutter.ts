import type { DecodedBatch } from '@jackwatch/core';
import type { ByteSource } from './byte-source.ts';
import type { FileChunk, FileProgress, FileStamp, StreamPlan } from './file-chunk.ts';

/**
 * What a streaming reader decoded since its last chunk, and the cut that
 * hands it out: the batch's rejections are reported and its prefiltered
 * records counted at the cut, and the chunk carries the bytes read since the
 * previous one.
 */
export class ChunkCutter {
  /** Events and rejections decoded since the last cut; decode into it. */
  batch: DecodedBatch = { events: [], rejections: [] };
  /** Records skipped unparsed by the prefilter since the last cut. */
  prefiltered = 0;
  #kept = 0;
  #reported = 0;
  readonly #input: ByteSource;
  readonly #stamp: FileStamp;
  readonly #plan: StreamPlan;

  constructor(input: ByteSource, stamp: FileStamp, plan: StreamPlan) {
    this.#input = input;
    this.#stamp = stamp;
    this.#plan = plan;
  }

  /** Complete records decoded so far, handed out or not. */
  get complete(): number {
    return this.#kept + this.batch.events.length;
  }

  /** Hands out what was decoded since the last cut, with the progress after it. */
  cut(progress: FileProgress, last: boolean): FileChunk {
    for (const rejection of this.batch.rejections) this.#plan.reject(rejection);
    if (this.prefiltered > 0) this.#plan.countPrefiltered('records', this.prefiltered);
    const events = this.batch.events;
    this.#kept += events.length;
    this.batch = { events: [], rejections: [] };
    this.prefiltered = 0;
    const bytes = this.#input.bytesRead - this.#reported;
    this.#reported = this.#input.bytesRead;
    return { events, bytes, stamp: this.#stamp, progress, last };
  }
}
