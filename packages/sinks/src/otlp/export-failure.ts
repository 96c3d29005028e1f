import type { DeliveryResult } from '../internal/batch-transport.ts';

/** gRPC codes the OTLP specification calls retryable: CANCELLED, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS. */
const RETRYABLE_GRPC_CODES = new Set([1, 4, 8, 10, 11, 14, 15]);

/**
 * What a failed OTLP export means for delivery. HTTP: 408, 429 and 5xx are
 * retryable, other statuses final (the exporter reports its own exhausted
 * retries of 429/502/503/504 without a status: retryable). gRPC: the codes
 * the OTLP spec calls retryable. Network errors and anything unknown: retryable.
 */
export function classifyExportFailure(error: unknown, protocol: 'http/protobuf' | 'http/json' | 'grpc'): DeliveryResult {
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: unknown };
  const text = (message ?? String(error)).replace(/\s+/g, ' ').slice(0, 300);
  if (protocol === 'grpc' && typeof code === 'number') {
    return { ok: false, retryable: RETRYABLE_GRPC_CODES.has(code), reason: `gRPC status ${code}: ${text}` };
  }
  if (name === 'OTLPExporterError' && typeof code === 'number') {
    const retryable = code === 408 || code === 429 || (code >= 500 && code < 600);
    return { ok: false, retryable, reason: `HTTP ${code}: ${text}` };
  }
  const label = typeof code === 'string' ? code : (name ?? 'Error');
  return { ok: false, retryable: true, reason: `${label}: ${text}` };
}
