import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { createEmptyMetadata, createInsecureCredentials, createSslCredentials } from '@opentelemetry/otlp-grpc-exporter-base';
import { sinksUserAgent } from '../internal/package-version.ts';
import type { TlsMaterial } from '../internal/tls-files.ts';
import type { OtlpConnection } from './connection-config.ts';
import { otlpExporterUrl } from './otlp-endpoint.ts';

/** What every OTLP exporter of the OpenTelemetry SDK takes. */
interface CommonExporterOptions {
  readonly url: string;
  readonly timeoutMillis: number;
  readonly compression: CompressionAlgorithm;
  readonly userAgent: string;
}

/** Options of an OTLP exporter, by transport: pass `grpc` to a gRPC exporter, `http` to an http/protobuf or http/json one. */
export type OtlpExporterOptions =
  | { readonly protocol: 'grpc'; readonly grpc: CommonExporterOptions & { readonly metadata: ReturnType<typeof createEmptyMetadata>; readonly credentials: ReturnType<typeof createSslCredentials> } }
  | {
      readonly protocol: 'http/protobuf' | 'http/json';
      readonly http: CommonExporterOptions & {
        readonly headers: Record<string, string>;
        readonly httpAgentOptions: { keepAlive: boolean; ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean };
      };
    };

/**
 * The options of an OpenTelemetry OTLP exporter (logs, metrics) for a
 * connection: URL for the signal, headers (gRPC metadata), compression,
 * timeout and TLS. Values the config leaves open fall back to the standard
 * `OTEL_EXPORTER_OTLP_*` environment variables, as the exporters do.
 */
export function otlpExporterOptions(config: OtlpConnection, tls: TlsMaterial, signalPath: '/v1/logs' | '/v1/metrics'): OtlpExporterOptions {
  const url = otlpExporterUrl(config, signalPath);
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
    return { protocol: 'grpc', grpc: { ...common, metadata, credentials } };
  }
  return {
    protocol: config.protocol,
    http: {
      ...common,
      headers: { ...config.headers },
      httpAgentOptions: { keepAlive: true, ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized },
    },
  };
}
