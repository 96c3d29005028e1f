import { DeleteMessageCommand, type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ComponentContext, SourceBatch } from '@jackwatch/core';
import { componentRetries, retryAws, type RetryOptions } from '../aws/retry-aws.ts';
import type { S3SqsConfig } from './config.ts';
import { mapOrdered } from './map-ordered.ts';
import { partBatches, type ObjectRef, type ObjectReader } from './object-reader.ts';
import { parseNotification } from './parse-notification.ts';
import { isIgnoredKey } from './trail-key.ts';
import { type HeldMessage, VisibilityKeeper } from './visibility-keeper.ts';
import { METRICS } from '@jackwatch/core';

interface QueuedObject {
  readonly message: HeldMessage;
  readonly ref: ObjectRef;
}

/**
 * SQS mode: long-polls the queue for S3 event notifications (plain, SNS- or
 * EventBridge-wrapped), reads the announced objects `concurrency` at a time
 * in arrival order, and deletes a message only when the batches of all its
 * objects were acknowledged — that is, when every finding from them reached
 * every sink. Held messages stay invisible (see {@link VisibilityKeeper}).
 * A message that is not a notification is reported and left alone, so the
 * queue's redrive policy moves it to the dead-letter queue; it never blocks
 * the others. With `once`, reading ends at the first empty receive.
 */
export class SqsReader {
  readonly #config: S3SqsConfig;
  readonly #context: ComponentContext;
  readonly #sqs: SQSClient;
  readonly #objects: ObjectReader;
  readonly #keeper: VisibilityKeeper;

  constructor(config: S3SqsConfig, context: ComponentContext, sqs: SQSClient, objects: ObjectReader) {
    this.#config = config;
    this.#context = context;
    this.#sqs = sqs;
    this.#objects = objects;
    this.#keeper = new VisibilityKeeper(sqs, config.queueUrl, config.visibilityTimeout, context);
    context.telemetry.observe(METRICS.sqsMessagesInFlight.name, (record) => record(this.#keeper.size, { source: context.id }));
  }

  /** Yields one batch per announced object (a few for one streamed in parts) until `outer` aborts (or, with `once`, the queue is empty). */
  async *read(outer: AbortSignal): AsyncGenerator<SourceBatch> {
    // Also ends the pending long poll when the consumer stops without aborting.
    const stopped = new AbortController();
    const signal = AbortSignal.any([outer, stopped.signal]);
    try {
      const work = async ({ message, ref }: QueuedObject) => ({ message, parts: await this.#objects.open(ref, signal) });
      for await (const { message, parts } of mapOrdered(this.#queuedObjects(signal), this.#config.concurrency, work)) {
        yield* partBatches(parts, () => this.#objectDone(message));
      }
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    } finally {
      stopped.abort();
    }
  }

  /** Stops extending held messages. */
  close(): Promise<void> {
    return this.#keeper.close();
  }

  async *#queuedObjects(signal: AbortSignal): AsyncGenerator<QueuedObject> {
    const retry = this.#retryOptions(signal);
    while (!signal.aborted) {
      const messages = await this.#receive(retry, signal);
      if (messages.length === 0 && this.#config.once) return;
      for (const message of messages) {
        const objects = this.#objectsOf(message);
        if (objects === undefined) continue;
        const held: HeldMessage = { messageId: message.MessageId ?? '', receiptHandle: message.ReceiptHandle ?? '', remaining: objects.length };
        if (objects.length === 0) {
          await this.#delete(held);
          continue;
        }
        this.#keeper.hold(held);
        for (const ref of objects) yield { message: held, ref };
      }
    }
  }

  async #receive(retry: RetryOptions, signal: AbortSignal): Promise<Message[]> {
    const response = await retryAws(
      { permission: 'sqs:ReceiveMessage', resource: this.#config.queueUrl },
      () =>
        this.#sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.#config.queueUrl,
            MaxNumberOfMessages: this.#config.maxMessages,
            WaitTimeSeconds: Math.round(this.#config.waitTime / 1000),
            VisibilityTimeout: Math.round(this.#config.visibilityTimeout / 1000),
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: signal },
        ),
      retry,
    );
    const messages = response.Messages ?? [];
    this.#context.telemetry.add(METRICS.sqsMessagesReceived.name, messages.length, { source: this.#context.id });
    return messages;
  }

  /** The objects a message announces; `undefined` for a poison message (reported, left for the DLQ). */
  #objectsOf(message: Message): ObjectRef[] | undefined {
    const notification = parseNotification(message.Body ?? '');
    if (notification.kind === 'invalid') {
      const receives = message.Attributes?.ApproximateReceiveCount ?? '?';
      this.#context.errors.reject({
        reason: 'unreadable',
        message: `SQS message ${message.MessageId} is not an S3 object notification (${notification.reason}); left on the queue for its redrive policy to move to the dead-letter queue (received ${receives} times)`,
        origin: { source: this.#context.id, location: this.#config.queueUrl, index: message.MessageId ?? '' },
      });
      this.#context.telemetry.add(METRICS.sqsMessagesInvalid.name, 1, { source: this.#context.id });
      return undefined;
    }
    if (notification.kind === 'ignored') return [];
    return notification.objects.filter((ref) => !isIgnoredKey(ref.key) && this.#wanted(ref, message));
  }

  #wanted(ref: ObjectRef, message: Message): boolean {
    const { bucket, prefix } = this.#config;
    if (bucket !== undefined && ref.bucket !== bucket) {
      this.#context.logger.warn('notification for another bucket ignored', { bucket: ref.bucket, key: ref.key, messageId: message.MessageId });
      return false;
    }
    return ref.key.startsWith(prefix);
  }

  async #objectDone(message: HeldMessage): Promise<void> {
    message.remaining--;
    if (message.remaining > 0) return;
    this.#keeper.release(message);
    await this.#delete(message);
  }

  async #delete(message: HeldMessage): Promise<void> {
    try {
      await retryAws(
        { permission: 'sqs:DeleteMessage', resource: this.#config.queueUrl },
        () => this.#sqs.send(new DeleteMessageCommand({ QueueUrl: this.#config.queueUrl, ReceiptHandle: message.receiptHandle })),
        { ...this.#retryOptions(new AbortController().signal), maxRounds: 3 },
      );
      this.#context.telemetry.add(METRICS.sqsMessagesDeleted.name, 1, { source: this.#context.id });
    } catch (error) {
      // Not fatal: the message comes back after its visibility timeout and is read again (same finding ids).
      this.#context.logger.warn(`cannot delete SQS message ${message.messageId}; it will be read again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #retryOptions(signal: AbortSignal): RetryOptions {
    return componentRetries(this.#context, signal, this.#config.once ? 3 : undefined);
  }
}
