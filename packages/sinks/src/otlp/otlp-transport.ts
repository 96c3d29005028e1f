import { findingOutline, type ComponentContext, type Finding } from '@jackwatch/core';
import type { Logger, LogRecord } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, type LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { BatchTransport, DeliveryResult } from '../internal/batch-transport.ts';
import { sinksVersion } from '../internal/package-version.ts';
import { loadTlsMaterial } from '../internal/tls-files.ts';
import { CapturingLogRecordProcessor } from './capturing-processor.ts';
import type { OtlpConfig } from './config.ts';
import { createLogExporter } from './create-log-exporter.ts';
import { classifyExportFailure } from './export-failure.ts';
import { findingLogRecord } from './finding-log-record.ts';
import { otlpExporterUrl } from './otlp-endpoint.ts';

/**
 * Turns a batch of findings into LogRecords with the SDK's LoggerProvider
 * (resource, scope, limits) and hands them to the OTLP exporter in one
 * `export` call, reporting its result.
 */
export class OtlpTransport implements BatchTransport {
  readonly #config: OtlpConfig;
  readonly #context: ComponentContext;
  readonly #capture = new CapturingLogRecordProcessor();
  #provider: LoggerProvider | undefined;
  #logger: Logger | undefined;
  #exporter: LogRecordExporter | undefined;

  constructor(config: OtlpConfig, context: ComponentContext) {
    this.#config = config;
    this.#context = context;
  }

  /** Reads TLS files and builds the provider and exporter. */
  async start(): Promise<void> {
    const tls = await loadTlsMaterial(this.#config.tls, this.#context.baseDir);
    if (!tls.rejectUnauthorized) this.#context.logger.warn('tls.insecureSkipVerify is on: the collector is not authenticated');
    this.#exporter = createLogExporter(this.#config, tls);
    const resource = resourceFromAttributes({ 'service.name': 'jackwatch', 'service.version': sinksVersion(), ...this.#config.resource });
    this.#provider = new LoggerProvider({ resource, processors: [this.#capture] });
    this.#logger = this.#provider.getLogger('@jackwatch/sinks', sinksVersion());
    this.#context.logger.info('otlp sink ready', { target: new URL(otlpExporterUrl(this.#config)).origin, protocol: this.#config.protocol });
  }

  /** One export call; never throws. */
  send(findings: readonly Finding[], signal: AbortSignal): Promise<DeliveryResult> {
    const logger = this.#logger;
    const exporter = this.#exporter;
    if (!logger || !exporter) return Promise.resolve({ ok: false, retryable: false, reason: 'otlp transport not started' });
    const now = this.#context.clock.now();
    const records = this.#capture.capture(() => {
      for (const finding of findings) logger.emit(logRecordOf(finding, now));
    });
    return new Promise<DeliveryResult>((resolve) => {
      const onAbort = (): void => resolve({ ok: false, retryable: true, reason: 'export abandoned at the shutdown deadline' });
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        exporter.export(records, (result) => {
          signal.removeEventListener('abort', onAbort);
          resolve(result.code === ExportResultCode.SUCCESS ? { ok: true } : classifyExportFailure(result.error, this.#config.protocol));
        });
      } catch (error) {
        signal.removeEventListener('abort', onAbort);
        resolve(classifyExportFailure(error, this.#config.protocol));
      }
    });
  }

  /** Shuts the provider and the exporter down. */
  async shutdown(): Promise<void> {
    const provider = this.#provider;
    const exporter = this.#exporter;
    this.#provider = undefined;
    this.#logger = undefined;
    this.#exporter = undefined;
    await provider?.shutdown();
    await exporter?.shutdown();
  }
}

/** The finding's log record; one that cannot be mapped is mapped from its outline, never failing the batch. */
function logRecordOf(finding: Finding, now: number): LogRecord {
  try {
    return findingLogRecord(finding, now);
  } catch (error) {
    return findingLogRecord(findingOutline(finding, `cannot be mapped to a log record: ${error instanceof Error ? error.message : String(error)}`), now);
  }
}
