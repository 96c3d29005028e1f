import type { SinkFactory } from '@jackwatch/core';
import { otlpConfigSchema, type OtlpConfig } from './config.ts';
import { redeliverCapability } from '../internal/redeliver-capability.ts';
import { OtlpSink } from './otlp-sink.ts';
import { redeliverOtlp } from './redeliver.ts';
import { probeOtlp } from './probe.ts';

/** Makes `otlp` sinks: findings as OpenTelemetry LogRecords over OTLP. */
export const otlpSinkFactory: SinkFactory<OtlpConfig> = {
  kind: 'sink',
  type: 'otlp',
  stability: 'alpha',
  description: 'Sends findings as OpenTelemetry log records over OTLP (http/protobuf, http/json, grpc)',
  configSchema: otlpConfigSchema,
  create: (config, context) => new OtlpSink(config, context),
  redeliver: redeliverCapability(redeliverOtlp),
  probe: probeOtlp,
};
