import { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { loadTlsMaterial, otlpExporterOptions, type OtlpConnection } from '@jackwatch/sinks';

/** The longest a periodic export may take, whatever the interval. */
const MAX_EXPORT_TIMEOUT_MS = 30_000;

/**
 * A periodic reader pushing the metrics every `interval` ms with the
 * official OTLP metric exporter for the connection's protocol (http/protobuf,
 * http/json or grpc), TLS files read relative to `baseDir`.
 */
export async function createPeriodicReader(connection: OtlpConnection, interval: number, baseDir: string): Promise<PeriodicExportingMetricReader> {
  const options = otlpExporterOptions(connection, await loadTlsMaterial(connection.tls, baseDir), '/v1/metrics');
  let exporter: PushMetricExporter;
  if (options.protocol === 'grpc') exporter = new GrpcMetricExporter(options.grpc);
  else if (options.protocol === 'http/json') exporter = new JsonMetricExporter(options.http);
  else exporter = new ProtobufMetricExporter(options.http);
  return new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: interval,
    exportTimeoutMillis: Math.min(interval, MAX_EXPORT_TIMEOUT_MS, connection.timeout),
  });
}
