import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ComponentContext, SourceBatch, SourceProgress, TrailEvent } from '@jackwatch/core';
import { isGzip } from '@jackwatch/core/decode';
import { deliveryProgress } from '../cloudtrail-layout/delivery-progress.ts';
import { AwsRequestError } from '../aws/aws-request-error.ts';
import { componentRetries, retryAws } from '../aws/retry-aws.ts';
import type { WholeFileSelection } from '../internal/decode-whole-file.ts';
import { announcedInflatedSize, WholeInflater } from '../internal/inflate-whole.ts';
import type { OptionalDecodePool } from '../internal/optional-decode-pool.ts';
import { decodeObject, type DecodedObject } from './object-decoder.ts';

// A part as decoding gives it: an object decoded whole may have been skipped whole by the prefilter.
type DecodedPart = StreamedPart & { readonly skipped?: boolean };
import { Handoff } from '../internal/handoff.ts';
import { streamObject, type StreamedPart } from './object-stream-decoder.ts';
import { METRICS } from '@jackwatch/core';

/** Objects up to this size (once decompressed) are downloaded and decoded whole, the fastest way; larger ones are streamed. */
export const MAX_WHOLE_OBJECT_SIZE = 32 * 1024 * 1024;

// The body of a GetObject response in Node: a stream of bytes, with the SDK's helper to read it whole.
type ObjectBody = AsyncIterable<Uint8Array> & { transformToByteArray(): Promise<Uint8Array> };

/** An object to read: where it is, and its size when the listing or notification said. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly size?: number | undefined;
}

/** Events of one object and the bytes downloaded for them: the whole object, or one part of a streamed one. */
export interface ObjectPart {
  readonly events: readonly TrailEvent[];
  readonly bytes: number;
  /** With the prefilter, on the last part of a delivery file: the progress its name tells (what was skipped never reaches the pipeline). */
  readonly progress?: SourceProgress | undefined;
  /** True on the object's last part: once it is delivered, the object is done. */
  readonly last: boolean;
}

/** How an {@link ObjectReader} behaves. */
export interface ObjectReaderOptions {
  /** What the detectors can match, and whether what cannot may be skipped unparsed. */
  readonly selection: WholeFileSelection;
  /** Rounds of retries after the SDK's own; `undefined` retries until aborted. */
  readonly maxRounds: number | undefined;
  /** Decode workers (`workers`): whole objects are decoded there, not on the main thread. */
  readonly workers?: OptionalDecodePool | undefined;
}

/**
 * Downloads and decodes one object at a time. A bad object — missing,
 * empty, not gzip, truncated, not CloudTrail — is reported through
 * `context.errors` with its `s3://` location and yields no events, so the
 * caller advances past it; so is a record in it larger than
 * `selection.maxRecordSize`, alone (its index, its size, the limit), and the
 * other records are read. What must stop the source is thrown: access
 * denied, bad credentials, or an outage that outlasted `maxRounds`.
 *
 * An object up to {@link MAX_WHOLE_OBJECT_SIZE} once decompressed is
 * downloaded and decoded whole; a larger one is decoded as it downloads (a
 * gzipped one that its trailer says inflates beyond that, or that inflates
 * beyond that whatever its trailer says — inflating whole stops at the
 * limit — or whose gzip data is damaged, from its compressed bytes), so its
 * bytes never have to fit in memory: a decompression bomb costs time linear
 * in what it inflates to, and it is handed on in parts of at most 10,000
 * events, each decoded only once the previous one was taken: memory holds a
 * part or two, however large the object. A download that breaks is retried,
 * from the first record not yet handed on.
 *
 * With `workers`, whole objects are decoded in the decode pool's threads
 * (downloads and streamed objects stay here); an object a worker cannot
 * take (the pool failed or closed) is decoded here instead.
 */
export class ObjectReader {
  readonly #s3: S3Client;
  readonly #context: ComponentContext;
  readonly #options: ObjectReaderOptions;
  // Decoding is synchronous, so reads in flight never share it.
  readonly #inflater = new WholeInflater(MAX_WHOLE_OBJECT_SIZE);

  constructor(s3: S3Client, context: ComponentContext, options: ObjectReaderOptions) {
    this.#s3 = s3;
    this.#context = context;
    this.#options = options;
  }

  /**
   * Downloads and decodes `ref`, reporting what is bad in it. Resolves once
   * the first part is ready (the whole object, decoded, for most), so that
   * opening several objects at once downloads and decodes them at once; the
   * later parts of a streamed object are decoded as the result is read.
   * Reading throws only what must stop the source; stop reading (or abort
   * `signal`) to stop the download.
   */
  async open(ref: ObjectRef, signal: AbortSignal): Promise<AsyncIterable<ObjectPart>> {
    const location = `s3://${ref.bucket}/${ref.key}`;
    const stopped = new AbortController();
    const reading = AbortSignal.any([signal, stopped.signal]);
    const handoff = new Handoff<ObjectPart>(reading);
    const tally = { events: 0, rejections: 0 };
    const hand = (part: DecodedPart): Promise<void> => {
      this.#report(part, tally);
      return handoff.put(this.#part(ref, part));
    };
    this.#fetch(ref, location, reading, hand).then(
      () => handoff.close(),
      (error: unknown) => {
        if (reading.aborted || !(error instanceof AwsRequestError) || error.permanent || error.kind === 'transient') return handoff.fail(error);
        // Not there, or not an object: reported, and the object is done.
        this.#context.errors.reject({ reason: 'unreadable', message: `${error.message}; skipped`, origin: { source: this.#context.id, location, index: -1 } });
        this.#context.telemetry.add(METRICS.s3ObjectsRejected.name, 1, { source: this.#context.id });
        handoff.put({ events: [], bytes: 0, last: true }).then(() => handoff.close(), (stop: unknown) => handoff.fail(stop));
      },
    );
    await handoff.ready();
    return {
      [Symbol.asyncIterator]: () => {
        const parts = handoff[Symbol.asyncIterator]();
        const stop = async (): Promise<IteratorResult<ObjectPart>> => {
          stopped.abort();
          return parts.return(undefined);
        };
        return { next: () => parts.next(), return: stop, [Symbol.asyncIterator]() { return this; } };
      },
    };
  }

  // Counts and reports what a part says about the object.
  #report(part: DecodedPart, tally: { events: number; rejections: number }): void {
    const labels = { source: this.#context.id };
    const { telemetry } = this.#context;
    for (const rejection of part.rejections) this.#context.errors.reject(rejection);
    tally.events += part.events.length;
    tally.rejections += part.rejections.length;
    telemetry.add(METRICS.s3BytesRead.name, part.bytes, labels);
    if (part.skipped === true) telemetry.add(METRICS.filesPrefiltered.name, 1, labels);
    if (part.skippedRecords > 0) telemetry.add(METRICS.recordsPrefiltered.name, part.skippedRecords, labels);
    if (part.unmatchedRecords > 0) telemetry.add(METRICS.recordsUnmatched.name, part.unmatchedRecords, labels);
    if (!part.last) return;
    telemetry.add(METRICS.s3ObjectsRead.name, 1, labels);
    if (tally.events === 0 && tally.rejections > 0) telemetry.add(METRICS.s3ObjectsRejected.name, 1, labels);
  }

  #part(ref: ObjectRef, part: StreamedPart): ObjectPart {
    // The prefilter leaves out even each partition's newest unmatched event: the object's name still tells how far its partition was read.
    const { selection } = this.#options;
    const prefiltering = selection.prefilter && selection.filter !== undefined;
    return { events: part.events, bytes: part.bytes, last: part.last, progress: part.last && prefiltering ? deliveryProgress(ref.key) : undefined };
  }

  // Downloads and decodes `ref` whole or streamed, handing each part to `hand`; a failed download, also one that breaks
  // mid-stream, is retried — a streamed one from the first record not yet handed on.
  #fetch(ref: ObjectRef, location: string, signal: AbortSignal, hand: (part: DecodedPart) => Promise<void>): Promise<void> {
    const where = { source: this.#context.id, location };
    const { selection } = this.#options;
    let next = 0;
    const stream = async (body: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> => {
      for await (const part of streamObject(body, where, selection, next)) {
        await hand(part);
        next = part.next;
      }
    };
    return retryAws(
      { permission: 's3:GetObject', resource: location },
      async () => {
        const response = await this.#s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }), { abortSignal: signal });
        const body = response.Body as ObjectBody | undefined;
        const size = response.ContentLength ?? ref.size;
        if (next > 0 || (body !== undefined && (size === undefined || size > MAX_WHOLE_OBJECT_SIZE))) return stream(body ?? []);
        const bytes = body === undefined ? new Uint8Array() : await body.transformToByteArray();
        const whole = !isGzip(bytes) || announcedInflatedSize(bytes) <= MAX_WHOLE_OBJECT_SIZE ? await this.#decodeWhole(bytes, location) : undefined;
        // Too large once inflated (as the trailer says, or as inflating it found), or damaged: streamed from the downloaded bytes.
        if (whole === undefined) return stream([bytes]);
        return hand({ ...whole, bytes: bytes.length, next: 0, last: true });
      },
      componentRetries(this.#context, signal, this.#options.maxRounds),
    );
  }

  // In a decode worker when there are some, else (or when the worker is gone) here.
  async #decodeWhole(bytes: Uint8Array, location: string): Promise<DecodedObject | undefined> {
    const where = { source: this.#context.id, location };
    const pool = this.#options.workers?.get();
    if (pool !== undefined && bytes.length > 0) {
      try {
        return await pool.decodeObject(bytes, location);
      } catch (error) {
        this.#context.logger.debug('decode worker failed; decoding the object on the main thread', { location, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return decodeObject(bytes, where, this.#options.selection, this.#inflater);
  }
}

/** The batches of one object's parts: only the last carries `ack`, so the object is done once all of them are delivered. */
export async function* partBatches(parts: AsyncIterable<ObjectPart>, ack: () => Promise<void>): AsyncGenerator<SourceBatch> {
  for await (const part of parts) {
    yield part.last ? { events: part.events, bytes: part.bytes, progress: part.progress, ack } : { events: part.events, bytes: part.bytes };
  }
}
