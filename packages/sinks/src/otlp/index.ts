/**
 * The `otlp` sink: findings as OpenTelemetry LogRecords over OTLP.
 *
 * @packageDocumentation
 */
export { otlpSinkFactory } from './factory.ts';
export { OtlpSink } from './otlp-sink.ts';
export { otlpConfigSchema, OTLP_PROTOCOLS } from './config.ts';
export type { OtlpConfig, OtlpConfigInput } from './config.ts';
export { otlpConnectionSchema } from './connection-config.ts';
export type { OtlpConnection } from './connection-config.ts';
export { otlpExporterOptions } from './otlp-exporter-options.ts';
export type { OtlpExporterOptions } from './otlp-exporter-options.ts';
export { findingLogRecord, FINDING_EVENT_NAME } from './finding-log-record.ts';
export { SEVERITY_NUMBERS } from './severity.ts';
export { redeliverOtlpDeadLetters } from './redeliver.ts';
export type { OtlpRedeliverOptions } from './redeliver.ts';
