import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/** Directory holding the OTLP `.proto` subset (upstream paths and field numbers). */
export const OTLP_PROTO_DIR = fileURLToPath(new URL('./otlp-proto/', import.meta.url));
/** The logs service file, relative to {@link OTLP_PROTO_DIR}. */
export const OTLP_LOGS_SERVICE_PROTO = 'opentelemetry/proto/collector/logs/v1/logs_service.proto';

/** How decoded messages are turned into plain objects: the same options for protobufjs and proto-loader. */
export const OTLP_OBJECT_OPTIONS = { longs: String, enums: Number, bytes: String, defaults: false, oneofs: false } as const;

/** One log record of an export request, with attributes and values turned into plain JavaScript. */
export interface DecodedLogRecord {
  readonly resource: Readonly<Record<string, unknown>>;
  readonly scope: { readonly name?: string; readonly version?: string };
  readonly timeUnixNano?: string;
  readonly observedTimeUnixNano?: string;
  readonly severityNumber?: number;
  readonly severityText?: string;
  readonly eventName?: string;
  readonly body: unknown;
  readonly attributes: Readonly<Record<string, unknown>>;
}

let root: protobuf.Root | undefined;

function requestType(): protobuf.Type {
  if (!root) {
    root = new protobuf.Root();
    root.resolvePath = (_origin, target) => (target.startsWith('/') ? target : `${OTLP_PROTO_DIR}${target}`);
    root.loadSync(OTLP_LOGS_SERVICE_PROTO);
  }
  return root.lookupType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest');
}

/** Decodes an `application/x-protobuf` ExportLogsServiceRequest. */
export function decodeProtobufRequest(body: Uint8Array): Record<string, unknown> {
  const type = requestType();
  return type.toObject(type.decode(body), OTLP_OBJECT_OPTIONS);
}

/** Decodes an `application/json` (OTLP/JSON) ExportLogsServiceRequest. */
export function decodeJsonRequest(body: string): Record<string, unknown> {
  const type = requestType();
  return type.toObject(type.fromObject(JSON.parse(body) as Record<string, unknown>), OTLP_OBJECT_OPTIONS);
}

interface KeyValue {
  key: string;
  value?: Record<string, unknown>;
}

/** Flattens a decoded request (from either decoder or from proto-loader) into its log records. */
export function flattenLogRecords(request: Record<string, unknown>): DecodedLogRecord[] {
  const out: DecodedLogRecord[] = [];
  for (const resourceLogs of (request['resourceLogs'] ?? []) as Array<Record<string, any>>) {
    const resource = attributesOf(resourceLogs['resource']?.attributes);
    for (const scopeLogs of (resourceLogs['scopeLogs'] ?? []) as Array<Record<string, any>>) {
      const scope = { name: scopeLogs['scope']?.name, version: scopeLogs['scope']?.version };
      for (const record of (scopeLogs['logRecords'] ?? []) as Array<Record<string, any>>) {
        out.push({
          resource,
          scope,
          timeUnixNano: record['timeUnixNano'],
          observedTimeUnixNano: record['observedTimeUnixNano'],
          severityNumber: record['severityNumber'],
          severityText: record['severityText'],
          eventName: record['eventName'],
          body: anyValue(record['body']),
          attributes: attributesOf(record['attributes']),
        });
      }
    }
  }
  return out;
}

function attributesOf(list: KeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, anyValue(kv.value)]));
}

function anyValue(value: Record<string, any> | undefined): unknown {
  if (value === undefined || value === null) return undefined;
  if ('stringValue' in value) return value['stringValue'];
  if ('boolValue' in value) return value['boolValue'];
  if ('intValue' in value) return Number(value['intValue']);
  if ('doubleValue' in value) return value['doubleValue'];
  if ('bytesValue' in value) return value['bytesValue'];
  if ('arrayValue' in value) return ((value['arrayValue']?.values ?? []) as Array<Record<string, any>>).map(anyValue);
  if ('kvlistValue' in value) return attributesOf(value['kvlistValue']?.values);
  return undefined;
}
