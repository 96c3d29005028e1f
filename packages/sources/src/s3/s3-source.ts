import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ComponentContext, Source, SourceBatch } from '@jackwatch/core';
import type { AwsClientOverrides } from '../aws/aws-client-config.ts';
import { callAws } from '../aws/aws-request-error.ts';
import { compileInterest } from '../internal/interest-filter.ts';
import type { S3SourceConfig } from './config.ts';
import { awsLogsRoot } from './discover-partitions.ts';
import { ObjectReader } from './object-reader.ts';
import { PollReader } from './poll-reader.ts';
import { createS3Client, createSqsClient } from './s3-clients.ts';
import { SqsReader } from './sqs-reader.ts';

/**
 * The `s3` source: CloudTrail delivery files from an S3 bucket, found by
 * polling the trail layout (poll mode) or announced by S3 event
 * notifications on an SQS queue (SQS mode, when `queueUrl` is set). One
 * batch per object; its `ack` advances the poll checkpoint or deletes the
 * SQS message, so nothing is lost across restarts.
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
  #shutdown: Promise<void> | undefined;

  /** @param overrides credentials for embedders and tests; the agent uses the default chain. */
  constructor(config: S3SourceConfig, context: ComponentContext, overrides: AwsClientOverrides = {}) {
    this.#config = config;
    this.#context = context;
    this.#s3 = createS3Client(config, context.logger, overrides);
    const selection = { filter: compileInterest(context.interest), prefilter: config.prefilter, maxRecordSize: config.maxRecordSize };
    const objects = new ObjectReader(this.#s3, context, { selection, maxRounds: config.once ? 3 : undefined });
    const { queueUrl, bucket } = config;
    if (queueUrl !== undefined) {
      this.#sqs = createSqsClient({ ...config, queueUrl }, context.logger, overrides);
      this.#sqsReader = new SqsReader({ ...config, queueUrl }, context, this.#sqs, objects);
    } else if (bucket !== undefined) {
      this.#pollReader = new PollReader({ ...config, bucket }, context, this.#s3, objects);
    }
  }

  /** Checks access: `s3:ListBucket` on the bucket (poll mode) or `sqs:GetQueueAttributes` on the queue (SQS mode). */
  async start(): Promise<void> {
    if (this.#sqs && this.#config.queueUrl !== undefined) await this.#checkQueue(this.#sqs, this.#config.queueUrl);
    else if (this.#config.bucket !== undefined) await this.#checkBucket(this.#config.bucket);
  }

  /** One batch per object, in listing (poll) or arrival (SQS) order; ends with `once` or when `signal` aborts. */
  read(signal: AbortSignal): AsyncIterable<SourceBatch> {
    const reader = this.#sqsReader ?? this.#pollReader;
    if (!reader) throw new Error(`${this.#context.id}: neither bucket nor queueUrl is configured`);
    return reader.read(signal);
  }

  /** Stops extending held SQS messages and closes the clients. Idempotent, safe without `start`. */
  shutdown(): Promise<void> {
    this.#shutdown ??= (async () => {
      await this.#sqsReader?.close();
      this.#s3.destroy();
      this.#sqs?.destroy();
    })();
    return this.#shutdown;
  }

  async #checkBucket(bucket: string): Promise<void> {
    const prefix = this.#config.layout === 'cloudtrail' ? awsLogsRoot(this.#config.prefix) : this.#config.prefix;
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
