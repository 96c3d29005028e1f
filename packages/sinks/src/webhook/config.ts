import { durationSchema } from '@jackwatch/core';
import { z } from 'zod';
import { checkQueueHoldsBatch, deliveryShape } from '../internal/delivery-config.ts';
import { tlsSchema } from '../internal/tls-config.ts';

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;
/** Headers the sink sets itself; config may not override them. */
export const RESERVED_WEBHOOK_HEADERS = [
  'content-length',
  'host',
  'transfer-encoding',
  'connection',
  'idempotency-key',
  'x-jackwatch-signature',
  'x-jackwatch-timestamp',
  'x-jackwatch-finding-ids',
] as const;

/**
 * Config of the `webhook` sink. Every option has a default except `url`.
 *
 * @example
 * ```yaml
 * webhook/siem:
 *   url: https://siem.example.com/hooks/jackwatch
 *   headers: { Authorization: "Bearer ${env:SIEM_TOKEN}" }
 *   hmacSecret: ${env:JACKWATCH_HMAC_SECRET}
 * ```
 */
export const webhookConfigSchema = z
  .strictObject({
    /** Where findings are POSTed. Treat it as a secret (Slack URLs are): it is never logged beyond its origin. */
    url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// URL' }),
    /** `json`: `{ "findings": [...] }`; `slack`: a Slack incoming-webhook message (`text` + `blocks`). */
    format: z.enum(['json', 'slack']).default('json'),
    /** Extra request headers; put secrets in the environment and write `${env:NAME}`. */
    headers: z
      .record(z.string(), z.string().regex(HEADER_VALUE, 'header values may not contain line breaks'))
      .default({}),
    /** Signs each request: `X-Jackwatch-Signature: sha256=HMAC(secret, "<timestamp>.<body>")`. */
    hmacSecret: z.string().min(16, 'hmacSecret must be at least 16 characters; generate one with `openssl rand -hex 32`').optional(),
    /** Per attempt: connect, send and read the response. */
    timeout: durationSchema.prefault('10s'),
    tls: tlsSchema,
    ...deliveryShape,
  })
  .superRefine((config, ctx) => {
    checkQueueHoldsBatch(config, ctx);
    for (const name of Object.keys(config.headers)) {
      if (!HEADER_NAME.test(name)) {
        ctx.addIssue({ code: 'custom', path: ['headers', name], message: `"${name}" is not a valid HTTP header name` });
      } else if ((RESERVED_WEBHOOK_HEADERS as readonly string[]).includes(name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['headers', name], message: `header ${name} is set by the sink and cannot be configured` });
      }
    }
  });

/** The webhook sink's config as written (durations as `10s`, defaults omitted). */
export type WebhookConfigInput = z.input<typeof webhookConfigSchema>;
/** The webhook sink's config after parsing (durations in milliseconds, defaults filled). */
export type WebhookConfig = z.output<typeof webhookConfigSchema>;
