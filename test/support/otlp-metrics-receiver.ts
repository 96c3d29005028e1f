import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';
import { OTLP_OBJECT_OPTIONS, OTLP_PROTO_DIR } from '../../packages/sinks/src/testing/otlp-logs-decoder.ts';

const METRICS_PROTO_DIR = fileURLToPath(new URL('./otlp-metrics-proto/', import.meta.url));

/** One data point of an exported metric, attributes as plain strings. */
export interface ReceivedPoint {
  readonly metric: string;
  readonly unit: string;
  readonly kind: 'sum' | 'gauge';
  readonly monotonic: boolean;
  readonly attributes: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One export request as received: its headers, resource attributes and data points. */
export interface ReceivedMetricsRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly resource: Record<string, string>;
  readonly points: ReceivedPoint[];
}

let requestType: protobuf.Type | undefined;

function exportMetricsRequest(): protobuf.Type {
  if (requestType === undefined) {
    const root = new protobuf.Root();
    root.resolvePath = (_origin, target) => {
      if (target.startsWith('/')) return target;
      return existsSync(`${METRICS_PROTO_DIR}${target}`) ? `${METRICS_PROTO_DIR}${target}` : `${OTLP_PROTO_DIR}${target}`;
    };
    root.loadSync('opentelemetry/proto/collector/metrics/v1/metrics_service.proto');
    requestType = root.lookupType('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest');
  }
  return requestType;
}

interface DecodedKeyValue {
  key: string;
  value?: { stringValue?: string; intValue?: string; doubleValue?: number; boolValue?: boolean };
}
interface DecodedPoint {
  attributes?: DecodedKeyValue[];
  asDouble?: number;
  asInt?: string;
}
interface DecodedMetric {
  name: string;
  unit?: string;
  gauge?: { dataPoints?: DecodedPoint[] };
  sum?: { dataPoints?: DecodedPoint[]; isMonotonic?: boolean };
}
interface DecodedRequest {
  resourceMetrics?: { resource?: { attributes?: DecodedKeyValue[] }; scopeMetrics?: { metrics?: DecodedMetric[] }[] }[];
}

const plain = (kv: DecodedKeyValue): string => String(kv.value?.stringValue ?? kv.value?.intValue ?? kv.value?.doubleValue ?? kv.value?.boolValue ?? '');

/** Decodes an `application/x-protobuf` ExportMetricsServiceRequest into its data points and resource attributes. */
export function decodeMetricsRequest(body: Uint8Array): { readonly resource: Record<string, string>; readonly points: ReceivedPoint[] } {
  const type = exportMetricsRequest();
  const request = type.toObject(type.decode(body), OTLP_OBJECT_OPTIONS) as DecodedRequest;
  const resource: Record<string, string> = {};
  const points: ReceivedPoint[] = [];
  for (const resourceMetrics of request.resourceMetrics ?? []) {
    for (const kv of resourceMetrics.resource?.attributes ?? []) resource[kv.key] = plain(kv);
    for (const scope of resourceMetrics.scopeMetrics ?? []) {
      for (const metric of scope.metrics ?? []) {
        const kind = metric.sum !== undefined ? 'sum' : 'gauge';
        for (const point of (metric.sum ?? metric.gauge)?.dataPoints ?? []) {
          points.push({
            metric: metric.name,
            unit: metric.unit ?? '',
            kind,
            monotonic: metric.sum?.isMonotonic === true,
            attributes: Object.fromEntries((point.attributes ?? []).map((kv) => [kv.key, plain(kv)])),
            value: point.asDouble ?? Number(point.asInt ?? Number.NaN),
          });
        }
      }
    }
  }
  return { resource, points };
}

/**
 * A real OTLP/HTTP metrics receiver on 127.0.0.1: accepts `POST /v1/metrics`
 * with protobuf bodies, gzipped or not, decodes each request and keeps them
 * in arrival order (404 for any other path).
 */
export class OtlpMetricsReceiver {
  readonly requests: ReceivedMetricsRequest[];
  readonly #server: Server;

  private constructor(server: Server, requests: ReceivedMetricsRequest[]) {
    this.#server = server;
    this.requests = requests;
  }

  static async start(): Promise<OtlpMetricsReceiver> {
    const requests: ReceivedMetricsRequest[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method !== 'POST' || request.url !== '/v1/metrics') {
          response.writeHead(404).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const body = request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        requests.push({ headers: request.headers, ...decodeMetricsRequest(body) });
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new OtlpMetricsReceiver(server, requests);
  }

  /** Base URL, as a user would configure it (the exporter appends `/v1/metrics`). */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The points of the last request that held `metric`. */
  lastPoints(metric: string): ReceivedPoint[] {
    for (let i = this.requests.length - 1; i >= 0; i--) {
      const points = this.requests[i]!.points.filter((point) => point.metric === metric);
      if (points.length > 0) return points;
    }
    return [];
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
