import { z } from 'zod';
import { checkQueueHoldsBatch, deliveryShape } from '../internal/delivery-config.ts';
import { checkOtlpConnection, otlpConnectionShape } from './connection-config.ts';

export { OTLP_PROTOCOLS } from './connection-config.ts';

/**
 * Config of the `otlp` sink. Every option has a default; with none given it
 * sends OTLP/HTTP protobuf, gzipped, to a collector on `http://localhost:4318`.
 *
 * @example
 * ```yaml
 * otlp:
 *   endpoint: https://otel-collector.internal:4318
 *   headers: { Authorization: "Bearer ${env:OTLP_TOKEN}" }
 * ```
 */
export const otlpConfigSchema = z
  .strictObject({
    ...otlpConnectionShape,
    /** Extra resource attributes, e.g. `deployment.environment.name: prod`. */
    resource: z.record(z.string().min(1), z.string()).default({}),
    ...deliveryShape,
  })
  .superRefine((config, ctx) => {
    checkQueueHoldsBatch(config, ctx);
    checkOtlpConnection(config, ctx);
  });

/** The otlp sink's config as written. */
export type OtlpConfigInput = z.input<typeof otlpConfigSchema>;
/** The otlp sink's config after parsing (durations in milliseconds, defaults filled). */
export type OtlpConfig = z.output<typeof otlpConfigSchema>;
