import { OTLPLogExporter as GrpcLogExporter } from '@opentelemetry/exporter-logs-otlp-grpc';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtobufLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { createEmptyMetadata, createInsecureCredentials, createSslCredentials } from '@opentelemetry/otlp-grpc-exporter-base';
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { TlsMaterial } from '../internal/tls-files.ts';
import { sinksUserAgent } from '../internal/package-version.ts';
import type { OtlpConfig } from './config.ts';
import { otlpExporterUrl } from './otlp-endpoint.ts';

/**
 * The OpenTelemetry OTLP log exporter for the configured protocol, endpoint,
 * headers (gRPC metadata), compression, timeout and TLS. Values the config
 * leaves open fall back to the standard `OTEL_EXPORTER_OTLP_*` environment
 * variables, as the exporters do.
 */
export function createLogExporter(config: OtlpConfig, tls: TlsMaterial): LogRecordExporter {
  const url = otlpExporterUrl(config);
  const common = {
    url,
    timeoutMillis: config.timeout,
    compression: config.compression === 'gzip' ? CompressionAlgorithm.GZIP : CompressionAlgorithm.NONE,
    userAgent: sinksUserAgent(),
  };
  if (config.protocol === 'grpc') {
    const metadata = createEmptyMetadata();
    for (const [name, value] of Object.entries(config.headers)) metadata.set(name.toLowerCase(), value);
    const credentials = url.startsWith('https:') ? createSslCredentials(tls.ca, tls.key, tls.cert) : createInsecureCredentials();
    return new GrpcLogExporter({ ...common, metadata, credentials });
  }
  const http = {
    ...common,
    headers: { ...config.headers },
    httpAgentOptions: { keepAlive: true, ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized },
  };
  return config.protocol === 'http/json' ? new JsonLogExporter(http) : new ProtobufLogExporter(http);
}
