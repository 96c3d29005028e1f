import type { OtlpConnection } from './connection-config.ts';

/**
 * The URL handed to the exporter: for http protocols the endpoint's origin
 * plus the signal's path (`/v1/logs` by default, `/v1/metrics` for metrics)
 * unless the endpoint has a path of its own (as the collector's `otlphttp`
 * exporter does); for grpc the endpoint as is.
 */
export function otlpExporterUrl(config: Pick<OtlpConnection, 'endpoint' | 'protocol'>, signalPath = '/v1/logs'): string {
  if (config.protocol === 'grpc') return config.endpoint ?? 'http://localhost:4317';
  const url = new URL(config.endpoint ?? 'http://localhost:4318');
  if (url.pathname === '/' || url.pathname === '') url.pathname = signalPath;
  return url.toString();
}
