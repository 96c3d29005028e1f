import { ConfigError } from '@jackwatch/core';
import type { ConfigIssue, JackwatchConfig, ParsedConfigDocument } from '@jackwatch/core/config';
import { otlpConnectionSchema, type OtlpConnection } from '@jackwatch/sinks';

/** A periodic reader's OTLP exporter options, validated, by reader index. */
export type OtlpReaderOptions = ReadonlyMap<number, OtlpConnection>;

/**
 * Validates the `otlp` exporter of each periodic metric reader with the
 * `otlp` sink's own connection schema (endpoint, protocol, headers,
 * compression, timeout, tls), so both take the same options and give the
 * same errors. Throws `ConfigError` naming the path and line of each problem.
 */
export function checkTelemetryConfig(config: JackwatchConfig, parsed?: Pick<ParsedConfigDocument, 'file' | 'locate'>): OtlpReaderOptions {
  const options = new Map<number, OtlpConnection>();
  const issues: ConfigIssue[] = [];
  config.service.telemetry.metrics.readers.forEach((reader, index) => {
    if (reader.kind !== 'periodic') return;
    const base = ['service', 'telemetry', 'metrics', 'readers', index, 'periodic', 'exporter', 'otlp'];
    const result = otlpConnectionSchema.safeParse(reader.otlp);
    if (result.success) {
      options.set(index, result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const path = [...base, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
      const position = parsed?.locate?.(path) ?? parsed?.locate?.(base);
      issues.push({ file: parsed?.file ?? config.file, path, line: position?.line, column: position?.column, message: issue.message });
    }
  });
  if (issues.length > 0) throw new ConfigError(issues);
  return options;
}
