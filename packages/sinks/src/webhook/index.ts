/**
 * The `webhook` sink: findings as HTTP POSTs of JSON or Slack messages.
 *
 * @packageDocumentation
 */
export { webhookSinkFactory } from './factory.ts';
export { WebhookSink } from './webhook-sink.ts';
export { webhookConfigSchema, RESERVED_WEBHOOK_HEADERS } from './config.ts';
export type { WebhookConfig, WebhookConfigInput } from './config.ts';
export { signWebhookBody, verifyWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts';
export type { WebhookSignatureCheck } from './signature.ts';
export { batchIdempotencyKey, IDEMPOTENCY_KEY_HEADER, FINDING_IDS_HEADER } from './idempotency-key.ts';
export { slackMessage } from './slack-message.ts';
export type { SlackMessage, SlackBlock } from './slack-message.ts';
export type { WebhookJsonBody } from './webhook-body.ts';
export { redeliverDeadLetters } from './redeliver.ts';
export type { RedeliverOptions } from './redeliver.ts';
