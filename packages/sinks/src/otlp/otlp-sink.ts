import type { ComponentContext } from '@jackwatch/core';
import { DeadLetterFile, resolveDeadLetterPath } from '../internal/dead-letter-file.ts';
import { DeliverySink } from '../internal/delivery-sink.ts';
import type { OtlpConfig } from './config.ts';
import { OtlpTransport } from './otlp-transport.ts';

/**
 * Sends each finding as an OpenTelemetry LogRecord over OTLP (http/protobuf,
 * http/json or grpc), batched, retried with backoff, and dead-lettered to a
 * JSONL file when an export finally fails, so no finding is dropped silently.
 *
 * @example
 * ```ts
 * const sink = new OtlpSink(otlpConfigSchema.parse({ endpoint: 'http://collector:4318' }), context);
 * await sink.start();
 * await sink.export(findings);
 * await sink.shutdown();
 * ```
 */
export class OtlpSink extends DeliverySink {
  /** Where this sink dead-letters (absolute). */
  readonly deadLetterPath: string;

  constructor(config: OtlpConfig, context: ComponentContext) {
    const deadLetters = new DeadLetterFile(resolveDeadLetterPath(config.deadLetter, context.id, context.baseDir), { maxBytes: config.maxEvidenceSize });
    super(context, config, new OtlpTransport(config, context), deadLetters);
    this.deadLetterPath = deadLetters.path;
  }
}
