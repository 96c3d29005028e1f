import { OTLPLogExporter as GrpcLogExporter } from '@opentelemetry/exporter-logs-otlp-grpc';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtobufLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { TlsMaterial } from '../internal/tls-files.ts';
import type { OtlpConfig } from './config.ts';
import { otlpExporterOptions } from './otlp-exporter-options.ts';

/**
 * The OpenTelemetry OTLP log exporter for the configured protocol, endpoint,
 * headers (gRPC metadata), compression, timeout and TLS. Values the config
 * leaves open fall back to the standard `OTEL_EXPORTER_OTLP_*` environment
 * variables, as the exporters do.
 */
export function createLogExporter(config: OtlpConfig, tls: TlsMaterial): LogRecordExporter {
  const options = otlpExporterOptions(config, tls, '/v1/logs');
  if (options.protocol === 'grpc') return new GrpcLogExporter(options.grpc);
  return options.protocol === 'http/json' ? new JsonLogExporter(options.http) : new ProtobufLogExporter(options.http);
}
