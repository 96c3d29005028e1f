import { isAbsolute, resolve } from 'node:path';
import type { ComponentContext } from '@jackwatch/core';
import { DeadLetterFile } from '../internal/dead-letter-file.ts';
import { redeliverFile, type RedeliveryReport } from '../internal/redeliver-file.ts';
import { otlpConfigSchema, type OtlpConfigInput } from './config.ts';
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
  return redeliverFile(new OtlpSink(config, options.context), new DeadLetterFile(path), options.signal);
}
