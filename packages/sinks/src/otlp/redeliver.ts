import { isAbsolute, resolve } from 'node:path';
import { DeadLetterFile } from '../internal/dead-letter-file.ts';
import type { ComponentContext, RedeliveryReport } from '@jackwatch/core';
import { redeliverFile } from '../internal/redeliver-file.ts';
import { otlpConfigSchema, type OtlpConfig, type OtlpConfigInput } from './config.ts';
import { OtlpSink } from './otlp-sink.ts';

/** What {@link redeliverOtlpDeadLetters} needs. */
export interface OtlpRedeliverOptions {
  /** The otlp sink's config (raw or parsed); its `deadLetter` is replaced by `file`. */
  readonly config: OtlpConfigInput;
  readonly context: ComponentContext;
  readonly signal?: AbortSignal;
}

/**
 * Exports the findings of an otlp dead-letter file again; what fails again is
 * appended back to `file`. Same contract as the webhook's `redeliverDeadLetters`.
 */
export async function redeliverOtlpDeadLetters(file: string, options: OtlpRedeliverOptions): Promise<RedeliveryReport> {
  const path = isAbsolute(file) ? file : resolve(options.context.baseDir, file);
  const config = otlpConfigSchema.parse({ ...options.config, deadLetter: path });
  return redeliverOtlp(path, { config, context: options.context, ...(options.signal === undefined ? {} : { signal: options.signal }) });
}

/** {@link redeliverOtlpDeadLetters} with a parsed config and an absolute path: the `otlp` factory's `redeliver`. */
export function redeliverOtlp(file: string, options: { readonly config: OtlpConfig; readonly context: ComponentContext; readonly signal?: AbortSignal }): Promise<RedeliveryReport> {
  return redeliverFile(new OtlpSink({ ...options.config, deadLetter: file }, options.context), new DeadLetterFile(file), options.signal);
}
