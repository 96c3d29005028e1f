/**
 * @jackwatch/sinks — where findings go: stdout, webhook, otlp.
 *
 * @packageDocumentation
 */
import type { SinkFactory } from '@jackwatch/core';
import { otlpSinkFactory } from './otlp/index.ts';
import { stdoutSinkFactory } from './stdout/index.ts';
import { webhookSinkFactory } from './webhook/index.ts';

export { stdoutSinkFactory, StdoutSink, stdoutConfigSchema, formatPretty } from './stdout/index.ts';
export type { StdoutConfig } from './stdout/index.ts';
export {
  webhookSinkFactory,
  WebhookSink,
  webhookConfigSchema,
  RESERVED_WEBHOOK_HEADERS,
  signWebhookBody,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  batchIdempotencyKey,
  IDEMPOTENCY_KEY_HEADER,
  FINDING_IDS_HEADER,
  slackMessage,
  redeliverDeadLetters,
} from './webhook/index.ts';
export type {
  WebhookConfig,
  WebhookConfigInput,
  WebhookSignatureCheck,
  SlackMessage,
  SlackBlock,
  WebhookJsonBody,
  RedeliverOptions,
} from './webhook/index.ts';
export {
  otlpSinkFactory,
  OtlpSink,
  otlpConfigSchema,
  OTLP_PROTOCOLS,
  findingLogRecord,
  FINDING_EVENT_NAME,
  SEVERITY_NUMBERS,
  redeliverOtlpDeadLetters,
  otlpConnectionSchema,
  otlpExporterOptions,
} from './otlp/index.ts';
export { defaultDeadLetterPath, resolveDeadLetterPath } from './internal/dead-letter-file.ts';
export type { OtlpConfig, OtlpConfigInput, OtlpRedeliverOptions, OtlpConnection, OtlpExporterOptions } from './otlp/index.ts';
export { loadTlsMaterial } from './internal/tls-files.ts';
export type { TlsMaterial } from './internal/tls-files.ts';

/** Every sink factory of this package, for registries. */
export const builtInSinks: readonly SinkFactory<any>[] = [stdoutSinkFactory, webhookSinkFactory, otlpSinkFactory];
