import type { ComponentContext, ProbeOptions, ProbeResult } from '@jackwatch/core';
import { resolveDeadLetterPath } from '../internal/dead-letter-file.ts';
import { probeDeadLetterFile, probeEndpoint } from '../internal/probe-endpoint.ts';
import type { OtlpConfig } from './config.ts';
import { otlpExporterUrl } from './otlp-endpoint.ts';

/**
 * The `probe` of the `otlp` sink: the collector's host resolves, TLS
 * verifies with the sink's `tls` settings (or a TCP connection opens for
 * `http:`), and the dead-letter file can be written. Exports nothing.
 */
export async function probeOtlp(config: OtlpConfig, context: ComponentContext, options: ProbeOptions): Promise<ProbeResult[]> {
  const endpoint = await probeEndpoint(new URL(otlpExporterUrl(config)), config.tls, context.baseDir, options);
  return [...endpoint, await probeDeadLetterFile(resolveDeadLetterPath(config.deadLetter, context.id, context.baseDir), options)];
}
