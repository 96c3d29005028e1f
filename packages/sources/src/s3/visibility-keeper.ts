import { ChangeMessageVisibilityBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ComponentContext } from '@jackwatch/core';
import { callAws } from '../aws/aws-request-error.ts';
import { METRICS } from '@jackwatch/core';

/** An SQS message this source received and has not deleted yet. */
export interface HeldMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  /** Objects of the message whose batches were not acknowledged yet. */
  remaining: number;
}

const BATCH = 10;

/**
 * Keeps held messages invisible to other consumers while their objects are
 * downloaded, decoded and waiting for their findings to be delivered: every
 * half visibility timeout it extends all of them (ten per
 * `ChangeMessageVisibilityBatch`). Runs only while it holds messages, so an
 * idle source leaves no timer behind.
 */
export class VisibilityKeeper {
  readonly #sqs: SQSClient;
  readonly #queueUrl: string;
  readonly #timeoutSeconds: number;
  readonly #context: ComponentContext;
  readonly #held = new Set<HeldMessage>();
  #stop: AbortController | undefined;
  #loop: Promise<void> | undefined;
  #closed = false;

  constructor(sqs: SQSClient, queueUrl: string, visibilityTimeoutMs: number, context: ComponentContext) {
    this.#sqs = sqs;
    this.#queueUrl = queueUrl;
    this.#timeoutSeconds = Math.round(visibilityTimeoutMs / 1000);
    this.#context = context;
  }

  /** Messages held right now. */
  get size(): number {
    return this.#held.size;
  }

  /** Starts keeping `message` invisible. */
  hold(message: HeldMessage): void {
    this.#held.add(message);
    if (this.#closed || (this.#stop && !this.#stop.signal.aborted)) return;
    const stop = new AbortController();
    this.#stop = stop;
    const loop: Promise<void> = this.#run(stop.signal).finally(() => {
      if (this.#loop === loop) this.#loop = undefined;
    });
    this.#loop = loop;
  }

  /** Stops keeping `message` invisible (it was deleted or given up). */
  release(message: HeldMessage): void {
    this.#held.delete(message);
    if (this.#held.size === 0) this.#stop?.abort();
  }

  /** Stops extending; held messages become visible again when their timeout runs out. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#stop?.abort();
    await this.#loop;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const interval = (this.#timeoutSeconds * 1000) / 2;
    while (!signal.aborted) {
      try {
        await this.#context.clock.sleep(interval, signal);
      } catch {
        return;
      }
      await this.#extendAll(signal);
    }
  }

  async #extendAll(signal: AbortSignal): Promise<void> {
    const held = [...this.#held];
    for (let i = 0; i < held.length && !signal.aborted; i += BATCH) {
      const chunk = held.slice(i, i + BATCH);
      try {
        const result = await callAws({ permission: 'sqs:ChangeMessageVisibility', resource: this.#queueUrl }, () =>
          this.#sqs.send(
            new ChangeMessageVisibilityBatchCommand({
              QueueUrl: this.#queueUrl,
              Entries: chunk.map((message, index) => ({ Id: String(index), ReceiptHandle: message.receiptHandle, VisibilityTimeout: this.#timeoutSeconds })),
            }),
          ),
        );
        for (const failed of result.Failed ?? []) {
          const message = chunk[Number(failed.Id)];
          if (!message) continue;
          // Past SQS's 12-hour limit or already redelivered: it can no longer be kept; it will be read again.
          this.#held.delete(message);
          // Duplicates, not loss: the message is read again, with the same finding ids.
          this.#context.logger.warn(`cannot extend the visibility of SQS message ${message.messageId}: ${failed.Code ?? ''} ${failed.Message ?? ''}`.trim(), { queueUrl: this.#queueUrl });
        }
        this.#context.telemetry.add(METRICS.sqsVisibilityExtended.name, chunk.length - (result.Failed?.length ?? 0), { source: this.#context.id });
      } catch (error) {
        this.#context.logger.warn(`cannot extend the visibility of SQS messages: ${error instanceof Error ? error.message : String(error)}`, { queueUrl: this.#queueUrl });
      }
    }
  }
}
