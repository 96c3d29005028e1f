import { serializeFinding, type EvidenceLimits, type Finding } from '@jackwatch/core';
import { slackMessage } from './slack-message.ts';

/** The JSON body of the `json` format. Each finding carries its deterministic `id` for deduplication. */
export interface WebhookJsonBody {
  readonly findings: readonly Finding[];
}

/**
 * The request body for a batch in the configured format (identical for
 * every attempt). In `json`, each finding is serialised on its own with
 * `serializeFinding`, so one that cannot be written whole goes with markers
 * and never costs the batch.
 */
export function renderWebhookBody(findings: readonly Finding[], format: 'json' | 'slack', limits: Partial<EvidenceLimits> = {}): Buffer {
  if (format === 'slack') return Buffer.from(JSON.stringify(slackMessage(findings)), 'utf8');
  return Buffer.from(`{"findings":[${findings.map((finding) => serializeFinding(finding, limits)).join(',')}]}`, 'utf8');
}
