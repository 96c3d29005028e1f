import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ComponentContext, SourceProgress, TrailEvent } from '@jackwatch/core';
import { isGzip } from '@jackwatch/core/decode';
import { deliveryProgress } from '../cloudtrail-layout/delivery-progress.ts';
import { AwsRequestError } from '../aws/aws-request-error.ts';
import { componentRetries, retryAws } from '../aws/retry-aws.ts';
import type { WholeFileSelection } from '../internal/decode-whole-file.ts';
import { announcedInflatedSize, WholeInflater } from '../internal/inflate-whole.ts';
import type { OptionalDecodePool } from '../internal/optional-decode-pool.ts';
import { decodeObject, type DecodedObject } from './object-decoder.ts';
import { decodeObjectStream, type StreamedObject } from './object-stream-decoder.ts';
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

/** The events of one object and the bytes downloaded. */
export interface ObjectContent {
  readonly events: readonly TrailEvent[];
  readonly bytes: number;
  /** With the prefilter, for a delivery file: the progress its name tells (what was skipped never reaches the pipeline). */
  readonly progress?: SourceProgress | undefined;
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
 * in what it inflates to. Its events are still gathered into one batch. A
 * download that breaks is retried from the start.
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

  /** Downloads and decodes `ref`, reporting what is bad in it; throws only what must stop the source. */
  async read(ref: ObjectRef, signal: AbortSignal): Promise<ObjectContent> {
    const location = `s3://${ref.bucket}/${ref.key}`;
    const labels = { source: this.#context.id };
    let decoded: StreamedObject;
    try {
      decoded = await this.#fetch(ref, location, signal);
    } catch (error) {
      if (signal.aborted || !(error instanceof AwsRequestError) || error.permanent || error.kind === 'transient') throw error;
      this.#context.errors.reject({ reason: 'unreadable', message: `${error.message}; skipped`, origin: { source: this.#context.id, location, index: -1 } });
      this.#context.telemetry.add(METRICS.s3ObjectsRejected.name, 1, labels);
      return { events: [], bytes: 0 };
    }
    const { selection } = this.#options;
    const { telemetry } = this.#context;
    for (const rejection of decoded.rejections) this.#context.errors.reject(rejection);
    telemetry.add(METRICS.s3ObjectsRead.name, 1, labels);
    telemetry.add(METRICS.s3BytesRead.name, decoded.bytes, labels);
    if (decoded.skipped) telemetry.add(METRICS.filesPrefiltered.name, 1, labels);
    if (decoded.skippedRecords > 0) telemetry.add(METRICS.recordsPrefiltered.name, decoded.skippedRecords, labels);
    if (decoded.unmatchedRecords > 0) telemetry.add(METRICS.recordsUnmatched.name, decoded.unmatchedRecords, labels);
    if (decoded.events.length === 0 && decoded.rejections.length > 0) telemetry.add(METRICS.s3ObjectsRejected.name, 1, labels);
    // The prefilter leaves out even each partition's newest unmatched event: the object's name still tells how far its partition was read.
    const prefiltering = selection.prefilter && selection.filter !== undefined;
    return { events: decoded.events, bytes: decoded.bytes, progress: prefiltering ? deliveryProgress(ref.key) : undefined };
  }

  // Downloads and decodes `ref` whole or streamed; a failed download, also one that breaks mid-stream, is retried.
  #fetch(ref: ObjectRef, location: string, signal: AbortSignal): Promise<StreamedObject> {
    const where = { source: this.#context.id, location };
    const { selection } = this.#options;
    return retryAws(
      { permission: 's3:GetObject', resource: location },
      async () => {
        const response = await this.#s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }), { abortSignal: signal });
        const body = response.Body as ObjectBody | undefined;
        const size = response.ContentLength ?? ref.size;
        if (body === undefined || (size !== undefined && size <= MAX_WHOLE_OBJECT_SIZE)) {
          const bytes = body === undefined ? new Uint8Array() : await body.transformToByteArray();
          const whole = !isGzip(bytes) || announcedInflatedSize(bytes) <= MAX_WHOLE_OBJECT_SIZE ? await this.#decodeWhole(bytes, location) : undefined;
          // Too large once inflated (as the trailer says, or as inflating it found), or damaged: streamed from the downloaded bytes.
          return { ...(whole ?? (await decodeObjectStream([bytes], where, selection))), bytes: bytes.length };
        }
        return decodeObjectStream(body, where, selection);
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
