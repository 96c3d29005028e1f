import type { ComponentContext, RedeliveryReport } from '@jackwatch/core';
import { redeliverThroughSink } from '../internal/redeliver-through-sink.ts';
import { webhookConfigSchema, type WebhookConfigInput } from './config.ts';
import { WebhookSink } from './webhook-sink.ts';

/** What {@link redeliverDeadLetters} needs. */
export interface RedeliverOptions {
  /** The webhook sink's config (raw or already parsed); its `deadLetter` is ignored in favour of `file`. */
  readonly config: WebhookConfigInput;
  /** Services for the temporary sink; `id` should be the sink's component id. */
  readonly context: ComponentContext;
  /** Stops sending; unsent lines stay in the file. */
  readonly signal?: AbortSignal;
}

const webhookRedelivery = redeliverThroughSink(webhookConfigSchema, (config, context) => new WebhookSink(config, context));

/**
 * Sends the findings of a webhook dead-letter file again, with the sink's
 * config (batching, signing, retries). What fails again is appended back to
 * `file`; unreadable lines are kept verbatim. `file` is resolved against
 * `context.baseDir`. Safe while an agent with the same sink runs: the file is
 * moved to `<file>.redelivering` first, and the agent starts a fresh one.
 * Run one redelivery per file at a time.
 *
 * @example
 * ```ts
 * const report = await redeliverDeadLetters('.jackwatch/dead-letter/webhook_siem.jsonl', { config, context });
 * // { read: 12, delivered: 12, deadLettered: 0, malformed: 0, … }
 * ```
 */
export function redeliverDeadLetters(file: string, options: RedeliverOptions): Promise<RedeliveryReport> {
  return webhookRedelivery.raw(file, options);
}

/** {@link redeliverDeadLetters} with a parsed config and an absolute path: the `webhook` factory's `redeliver`. */
export const redeliverWebhook = webhookRedelivery.parsed;
