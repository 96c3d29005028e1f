import type { Finding } from '@jackwatch/core';
import { slackMessage } from './slack-message.ts';

/** The JSON body of the `json` format. Each finding carries its deterministic `id` for deduplication. */
export interface WebhookJsonBody {
  readonly findings: readonly Finding[];
}

/** The request body for a batch in the configured format (identical for every attempt). */
export function renderWebhookBody(findings: readonly Finding[], format: 'json' | 'slack'): Buffer {
  const body = format === 'slack' ? slackMessage(findings) : ({ findings } satisfies WebhookJsonBody);
  return Buffer.from(JSON.stringify(body), 'utf8');
}
