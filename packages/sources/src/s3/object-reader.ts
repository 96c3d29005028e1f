import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ComponentContext, SourceProgress, TrailEvent } from '@jackwatch/core';
import { deliveryProgress } from '../cloudtrail-layout/delivery-progress.ts';
import { AwsRequestError } from '../aws/aws-request-error.ts';
import { componentRetries, retryAws } from '../aws/retry-aws.ts';
import type { WholeFileSelection } from '../internal/decode-whole-file.ts';
import { WholeInflater } from '../internal/inflate-whole.ts';
import { decodeObject } from './object-decoder.ts';

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
}

/**
 * Downloads and decodes one object at a time. A bad object — missing,
 * empty, not gzip, truncated, not CloudTrail — is reported through
 * `context.errors` with its `s3://` location and yields no events, so the
 * caller advances past it. What must stop the source is thrown: access
 * denied, bad credentials, or an outage that outlasted `maxRounds`.
 */
export class ObjectReader {
  readonly #s3: S3Client;
  readonly #context: ComponentContext;
  readonly #options: ObjectReaderOptions;
  // Decoding is synchronous, so reads in flight never share it.
  readonly #inflater = new WholeInflater();

  constructor(s3: S3Client, context: ComponentContext, options: ObjectReaderOptions) {
    this.#s3 = s3;
    this.#context = context;
    this.#options = options;
  }

  /** Downloads and decodes `ref`, reporting what is bad in it; throws only what must stop the source. */
  async read(ref: ObjectRef, signal: AbortSignal): Promise<ObjectContent> {
    const location = `s3://${ref.bucket}/${ref.key}`;
    const labels = { source: this.#context.id };
    let bytes: Uint8Array;
    try {
      bytes = await this.#download(ref, location, signal);
    } catch (error) {
      if (signal.aborted || !(error instanceof AwsRequestError) || error.permanent || error.kind === 'transient') throw error;
      this.#context.errors.reject({ reason: 'unreadable', message: `${error.message}; skipped`, origin: { source: this.#context.id, location, index: -1 } });
      this.#context.telemetry.add('s3_objects_rejected', 1, labels);
      return { events: [], bytes: 0 };
    }
    const { selection } = this.#options;
    const decoded = decodeObject(bytes, { source: this.#context.id, location }, selection, this.#inflater);
    const { telemetry } = this.#context;
    for (const rejection of decoded.rejections) this.#context.errors.reject(rejection);
    telemetry.add('s3_objects_read', 1, labels);
    telemetry.add('s3_bytes_read', bytes.length, labels);
    if (decoded.skipped) telemetry.add('source.files.prefiltered', 1, labels);
    if (decoded.skippedRecords > 0) telemetry.add('source.records.prefiltered', decoded.skippedRecords, labels);
    if (decoded.unmatchedRecords > 0) telemetry.add('source.records.unmatched', decoded.unmatchedRecords, labels);
    if (decoded.events.length === 0 && decoded.rejections.length > 0) telemetry.add('s3_objects_rejected', 1, labels);
    // The prefilter leaves out even each partition's newest unmatched event: the object's name still tells how far its partition was read.
    const prefiltering = selection.prefilter && selection.filter !== undefined;
    return { events: decoded.events, bytes: bytes.length, progress: prefiltering ? deliveryProgress(ref.key) : undefined };
  }

  #download(ref: ObjectRef, location: string, signal: AbortSignal): Promise<Uint8Array> {
    return retryAws(
      { permission: 's3:GetObject', resource: location },
      async () => {
        const response = await this.#s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }), { abortSignal: signal });
        return response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
      },
      componentRetries(this.#context, signal, this.#options.maxRounds),
    );
  }
}
