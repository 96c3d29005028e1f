import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ComponentContext, Source, SourceBatch } from '@jackwatch/core';
import type { AwsClientOverrides } from '../aws/aws-client-config.ts';
import { callAws } from '../aws/aws-request-error.ts';
import { compileInterest } from '../internal/interest-filter.ts';
import { OptionalDecodePool } from '../internal/optional-decode-pool.ts';
import type { S3PollConfig, S3SourceConfig } from './config.ts';
import { awsLogsRoot } from './discover-partitions.ts';
import { MAX_WHOLE_OBJECT_SIZE, ObjectReader } from './object-reader.ts';
import { PollReader } from './poll-reader.ts';
import { createS3Client, createSqsClient } from './s3-clients.ts';
import { SqsReader } from './sqs-reader.ts';

/**
 * The `s3` source: CloudTrail delivery files from an S3 bucket, found by
 * polling the trail layout (poll mode) or announced by S3 event
 * notifications on an SQS queue (`mode: sqs`). One
 * batch per object; its `ack` advances the poll checkpoint or deletes the
 * SQS message, so nothing is lost across restarts. With `workers`, whole
 * objects are decoded in worker threads.
 *
 * @example
 * ```ts
 * const source = new S3Source(s3SourceConfigSchema.parse({ bucket: 'trail', once: true }), context);
 * await source.start();
 * for await (const batch of source.read(signal)) { …; await batch.ack?.(); }
 * await source.shutdown();
 * ```
 */
export class S3Source implements Source {
  readonly #config: S3SourceConfig;
  readonly #context: ComponentContext;
  readonly #s3: S3Client;
  readonly #sqs: SQSClient | undefined;
  readonly #sqsReader: SqsReader | undefined;
  readonly #pollReader: PollReader | undefined;
  readonly #workers: OptionalDecodePool;
  #shutdown: Promise<void> | undefined;

  /** @param overrides credentials for embedders and tests; the agent uses the default chain. */
  constructor(config: S3SourceConfig, context: ComponentContext, overrides: AwsClientOverrides = {}) {
    this.#config = config;
    this.#context = context;
    this.#s3 = createS3Client(config, context.logger, overrides);
    const selection = { filter: compileInterest(context.interest), prefilter: config.prefilter, maxRecordSize: config.maxRecordSize };
    this.#workers = new OptionalDecodePool(config.workers, {
      source: context.id,
      maxWholeFileSize: MAX_WHOLE_OBJECT_SIZE,
      maxRecordSize: config.maxRecordSize,
      prefilter: config.prefilter,
      interest: context.interest,
    }, context.logger);
    const objects = new ObjectReader(this.#s3, context, { selection, maxRounds: config.once ? 3 : undefined, workers: this.#workers });
    if (config.mode === 'sqs') {
      this.#sqs = createSqsClient(config, context.logger, overrides);
      this.#sqsReader = new SqsReader(config, context, this.#sqs, objects);
    } else {
      this.#pollReader = new PollReader(config, context, this.#s3, objects);
    }
  }

  /** Checks access — `s3:ListBucket` on the bucket (poll mode) or `sqs:GetQueueAttributes` on the queue (SQS mode) — and boots the decode workers. */
  async start(): Promise<void> {
    const config = this.#config;
    if (config.mode === 'sqs') await this.#checkQueue(this.#sqs!, config.queueUrl);
    else await this.#checkBucket(config);
    await this.#workers.get()?.ready(); // workers take a few hundred ms to load their code: here, not while reading
  }

  /** One batch per object, in listing (poll) or arrival (SQS) order; ends with `once` or when `signal` aborts. */
  read(signal: AbortSignal): AsyncIterable<SourceBatch> {
    return (this.#sqsReader ?? this.#pollReader!).read(signal);
  }

  /** Stops extending held SQS messages, stops the decode workers and closes the clients. Idempotent, safe without `start`. */
  shutdown(): Promise<void> {
    this.#shutdown ??= (async () => {
      await this.#sqsReader?.close();
      await this.#workers.close();
      this.#s3.destroy();
      this.#sqs?.destroy();
    })();
    return this.#shutdown;
  }

  async #checkBucket({ bucket, layout, prefix: configured }: S3PollConfig): Promise<void> {
    const prefix = layout === 'cloudtrail' ? awsLogsRoot(configured) : configured;
    await callAws({ permission: 's3:ListBucket', resource: `s3://${bucket}` }, () =>
      this.#s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 })),
    );
  }

  async #checkQueue(sqs: SQSClient, queueUrl: string): Promise<void> {
    const { Attributes: attributes } = await callAws({ permission: 'sqs:GetQueueAttributes', resource: queueUrl }, () =>
      sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy', 'VisibilityTimeout'] })),
    );
    if (attributes?.RedrivePolicy === undefined) {
      this.#context.logger.warn('the queue has no redrive policy: a message that is not an S3 notification will come back forever; give it a dead-letter queue', {
        queueUrl,
      });
    }
  }
}
