import type { ComponentContext, RedeliveryReport } from '@jackwatch/core';
import { redeliverThroughSink } from '../internal/redeliver-through-sink.ts';
import { otlpConfigSchema, type OtlpConfigInput } from './config.ts';
import { OtlpSink } from './otlp-sink.ts';

/** What {@link redeliverOtlpDeadLetters} needs. */
export interface OtlpRedeliverOptions {
  /** The otlp sink's config (raw or parsed); its `deadLetter` is replaced by `file`. */
  readonly config: OtlpConfigInput;
  readonly context: ComponentContext;
  readonly signal?: AbortSignal;
}

const otlpRedelivery = redeliverThroughSink(otlpConfigSchema, (config, context) => new OtlpSink(config, context));

/**
 * Exports the findings of an otlp dead-letter file again; what fails again is
 * appended back to `file`. Same contract as the webhook's `redeliverDeadLetters`.
 */
export function redeliverOtlpDeadLetters(file: string, options: OtlpRedeliverOptions): Promise<RedeliveryReport> {
  return otlpRedelivery.raw(file, options);
}

/** {@link redeliverOtlpDeadLetters} with a parsed config and an absolute path: the `otlp` factory's `redeliver`. */
export const redeliverOtlp = otlpRedelivery.parsed;
