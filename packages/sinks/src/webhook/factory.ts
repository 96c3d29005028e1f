import type { SinkFactory } from '@jackwatch/core';
import { webhookConfigSchema, type WebhookConfig } from './config.ts';
import { redeliverCapability } from '../internal/redeliver-capability.ts';
import { redeliverWebhook } from './redeliver.ts';
import { WebhookSink } from './webhook-sink.ts';
import { probeWebhook } from './probe.ts';

/** Makes `webhook` sinks: findings as HTTP POSTs of JSON or Slack messages. */
export const webhookSinkFactory: SinkFactory<WebhookConfig> = {
  kind: 'sink',
  type: 'webhook',
  stability: 'alpha',
  description: 'POSTs findings as JSON or Slack messages, batched, signed, retried, dead-lettered',
  configSchema: webhookConfigSchema,
  create: (config, context) => new WebhookSink(config, context),
  redeliver: redeliverCapability(redeliverWebhook),
  probe: probeWebhook,
};
