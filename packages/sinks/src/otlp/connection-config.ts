import { durationSchema } from '@jackwatch/core';
import { z } from 'zod';
import { tlsSchema } from '../internal/tls-config.ts';

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The OTLP transports. `http/protobuf` is the OpenTelemetry SDK default. */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'] as const;

/** How to reach an OTLP receiver: the options the `otlp` sink and the agent's metrics exporter share. */
export const otlpConnectionShape = {
  /**
   * Collector URL. For http protocols a bare origin gets the signal's path (`/v1/logs`, `/v1/metrics`)
   * appended and a URL with a path is used as is; for grpc only host and port count. `https://` means TLS.
   * Default: `http://localhost:4318` (http) or `http://localhost:4317` (grpc).
   */
  endpoint: z.url({ protocol: /^https?$/, error: 'endpoint must be an http:// or https:// URL' }).optional(),
  protocol: z.enum(OTLP_PROTOCOLS).default('http/protobuf'),
  /** HTTP headers (gRPC metadata for grpc); put secrets in the environment and write `${env:NAME}`. */
  headers: z.record(z.string(), z.string().regex(/^[^\r\n\0]*$/, 'header values may not contain line breaks')).default({}),
  compression: z.enum(['none', 'gzip']).default('gzip'),
  /** Per export attempt, including the exporter's own quick retries of 429/502/503/504. */
  timeout: durationSchema.prefault('10s'),
  tls: tlsSchema,
};

/** The connection options as parsed. */
export type OtlpConnection = z.output<z.ZodObject<typeof otlpConnectionShape>>;

/** The checks of {@link otlpConnectionShape} that span several options. */
export function checkOtlpConnection(config: OtlpConnection, ctx: z.RefinementCtx): void {
  for (const name of Object.keys(config.headers)) {
    if (!HEADER_NAME.test(name)) ctx.addIssue({ code: 'custom', path: ['headers', name], message: `"${name}" is not a valid header name` });
  }
  if (config.protocol === 'grpc' && config.tls.insecureSkipVerify) {
    ctx.addIssue({ code: 'custom', path: ['tls', 'insecureSkipVerify'], message: 'insecureSkipVerify is not supported with grpc; give the collector CA in tls.ca' });
  }
  const plaintext = config.endpoint === undefined || config.endpoint.startsWith('http:');
  if (plaintext && (config.tls.ca ?? config.tls.cert) !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['tls'], message: 'tls files need an https:// endpoint; this one is plaintext' });
  }
}

/**
 * An OTLP receiver's address and transport alone, validated as the `otlp`
 * sink validates them: for exporters other than findings (the agent's own
 * metrics).
 */
export const otlpConnectionSchema = z.strictObject(otlpConnectionShape).superRefine(checkOtlpConnection);
