import type { OtlpConfig } from './config.ts';

/**
 * The URL handed to the exporter: for http protocols the endpoint's origin
 * plus `/v1/logs` unless the endpoint has a path of its own (as the
 * collector's `otlphttp` exporter does); for grpc the endpoint as is.
 */
export function otlpExporterUrl(config: Pick<OtlpConfig, 'endpoint' | 'protocol'>): string {
  if (config.protocol === 'grpc') return config.endpoint ?? 'http://localhost:4317';
  const url = new URL(config.endpoint ?? 'http://localhost:4318');
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1/logs';
  return url.toString();
}
