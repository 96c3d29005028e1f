import { z } from 'zod';
import { durationSchema } from './duration.ts';
import { emptyAsDefault } from './empty-as-default.ts';

/** Where the agent's own HTTP endpoints listen when no address is given. */
export const DEFAULT_HEALTH_ENDPOINT = '127.0.0.1:13133';
/** The port Prometheus exporters use by convention. */
export const DEFAULT_PROMETHEUS_PORT = 9464;

const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/;
const PORT = z.number().int().min(0, 'port must be 0 (any free port) to 65535').max(65535, 'port must be 0 (any free port) to 65535');

/** `host:port` (`[::1]:13133` for IPv6), parsed. */
export const hostPortSchema = z.string().transform((value, ctx) => {
  const match = /^(.*):(\d{1,5})$/.exec(value.trim());
  const host = match?.[1] ?? '';
  const port = Number(match?.[2]);
  if (match === null || !HOST.test(host) || port > 65535) {
    ctx.addIssue({ code: 'custom', message: `expected host:port (e.g. ${DEFAULT_HEALTH_ENDPOINT}), got "${value}"` });
    return z.NEVER;
  }
  return { host: host.replace(/^\[(.*)\]$/, '$1'), port };
});

/** A pull reader: the metrics served for Prometheus to scrape at `http://host:port/metrics`. */
const prometheusSchema = z.strictObject({
  host: z.string().regex(HOST, 'expected a host name or IP address').default('127.0.0.1'),
  port: PORT.default(DEFAULT_PROMETHEUS_PORT),
});

/**
 * A periodic reader: the metrics pushed every `interval` over OTLP. The
 * exporter's options (endpoint, protocol, headers, compression, timeout,
 * tls) are those of the `otlp` sink and are validated by the agent, which
 * owns the exporters.
 */
const periodicSchema = z.strictObject({
  interval: durationSchema.prefault('60s'),
  exporter: z.strictObject({ otlp: emptyAsDefault(z.record(z.string(), z.unknown()).default({})) }),
});

/** One metric reader: exactly one of `periodic` (push over OTLP) and `pull` (Prometheus scrape). */
export const metricReaderSchema = z
  .strictObject({
    periodic: periodicSchema.optional(),
    pull: z.strictObject({ exporter: z.strictObject({ prometheus: emptyAsDefault(prometheusSchema.prefault({})) }) }).optional(),
  })
  .refine((reader) => (reader.periodic === undefined) !== (reader.pull === undefined), 'give one of "periodic" (OTLP push) or "pull" (Prometheus scrape)');

/** `service.telemetry`: the agent's own metrics, collector-style. No reader, no metrics. */
export const telemetrySchema = z.strictObject({
  metrics: emptyAsDefault(z.strictObject({ readers: emptyAsDefault(z.array(metricReaderSchema).max(8).default([])) }).prefault({})),
});

/** `service.health`: liveness, readiness and status over HTTP; absent means off. */
export const healthSchema = z.strictObject({
  endpoint: hostPortSchema.prefault(DEFAULT_HEALTH_ENDPOINT),
});
