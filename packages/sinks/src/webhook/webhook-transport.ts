import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { ComponentContext, Finding } from '@jackwatch/core';
import type { BatchTransport, DeliveryResult } from '../internal/batch-transport.ts';
import { loadTlsMaterial } from '../internal/tls-files.ts';
import { classifyResponse } from './classify-response.ts';
import type { WebhookConfig } from './config.ts';
import { httpPost, HttpTimeoutError } from './http-post.ts';
import { batchIdempotencyKey, FINDING_IDS_HEADER, headerSafeId, IDEMPOTENCY_KEY_HEADER } from './idempotency-key.ts';
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './signature.ts';
import { renderWebhookBody } from './webhook-body.ts';
import { sinksUserAgent } from '../internal/package-version.ts';

/** Sends one batch as one HTTP POST (see {@link WebhookConfig}). */
export class WebhookTransport implements BatchTransport {
  readonly #config: WebhookConfig;
  readonly #context: ComponentContext;
  readonly #url: URL;
  #agent: HttpAgent | undefined;

  constructor(config: WebhookConfig, context: ComponentContext) {
    this.#config = config;
    this.#context = context;
    this.#url = new URL(config.url);
  }

  /** Reads the TLS files and opens a keep-alive agent. */
  async start(): Promise<void> {
    if (this.#url.protocol === 'https:') {
      const tls = await loadTlsMaterial(this.#config.tls, this.#context.baseDir);
      if (!tls.rejectUnauthorized) this.#context.logger.warn('tls.insecureSkipVerify is on: the receiver is not authenticated');
      this.#agent = new HttpsAgent({ keepAlive: true, ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized });
    } else {
      this.#agent = new HttpAgent({ keepAlive: true });
    }
    this.#context.logger.info('webhook sink ready', { target: this.#url.origin, format: this.#config.format });
  }

  /** One POST of the batch; never throws. */
  async send(findings: readonly Finding[], signal: AbortSignal): Promise<DeliveryResult> {
    if (!this.#agent) return { ok: false, retryable: false, reason: 'webhook transport not started' };
    const body = renderWebhookBody(findings, this.#config.format, { maxBytes: this.#config.maxEvidenceSize });
    const now = this.#context.clock.now();
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': sinksUserAgent(),
      ...this.#config.headers,
      [IDEMPOTENCY_KEY_HEADER]: batchIdempotencyKey(findings),
      [FINDING_IDS_HEADER]: findings.map((finding) => headerSafeId(finding.id)).join(','),
    };
    if (this.#config.hmacSecret !== undefined) {
      const timestamp = Math.floor(now / 1000);
      headers[TIMESTAMP_HEADER] = String(timestamp);
      headers[SIGNATURE_HEADER] = signWebhookBody(this.#config.hmacSecret, timestamp, body);
    }
    try {
      const response = await httpPost({ url: this.#url, body, headers, agent: this.#agent, timeoutMs: this.#config.timeout, signal });
      return classifyResponse(response, this.#context.clock.now());
    } catch (error) {
      return { ok: false, retryable: true, reason: networkReason(error) };
    }
  }

  /** Closes idle keep-alive connections. */
  async shutdown(): Promise<void> {
    this.#agent?.destroy();
    this.#agent = undefined;
  }
}

function networkReason(error: unknown): string {
  if (error instanceof HttpTimeoutError) return error.message;
  const { code, message, name } = error as NodeJS.ErrnoException;
  return `${code ?? name ?? 'Error'}: ${message ?? String(error)}`;
}
