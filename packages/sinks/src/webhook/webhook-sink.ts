import type { ComponentContext } from '@jackwatch/core';
import { DeadLetterFile, resolveDeadLetterPath } from '../internal/dead-letter-file.ts';
import { DeliverySink } from '../internal/delivery-sink.ts';
import type { WebhookConfig } from './config.ts';
import { WebhookTransport } from './webhook-transport.ts';

/**
 * POSTs findings as JSON (or Slack messages) to a URL, batched, signed when
 * `hmacSecret` is set, retried with backoff on 5xx/429/timeouts/network
 * errors, and dead-lettered to a JSONL file after `maxRetries`.
 *
 * @example
 * ```ts
 * const sink = new WebhookSink(webhookConfigSchema.parse({ url }), context);
 * await sink.start();
 * await sink.export(findings); // resolves once queued: the backpressure point
 * await sink.shutdown();       // delivers or dead-letters the rest
 * ```
 */
export class WebhookSink extends DeliverySink {
  /** Where this sink dead-letters (absolute). */
  readonly deadLetterPath: string;

  constructor(config: WebhookConfig, context: ComponentContext) {
    const deadLetters = new DeadLetterFile(resolveDeadLetterPath(config.deadLetter, context.id, context.baseDir), { maxBytes: config.maxEvidenceSize });
    super(context, config, new WebhookTransport(config, context), deadLetters);
    this.deadLetterPath = deadLetters.path;
  }
}
