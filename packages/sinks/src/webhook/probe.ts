import type { ComponentContext, ProbeOptions, ProbeResult } from '@jackwatch/core';
import { resolveDeadLetterPath } from '../internal/dead-letter-file.ts';
import { probeDeadLetterFile, probeEndpoint } from '../internal/probe-endpoint.ts';
import type { WebhookConfig } from './config.ts';

/**
 * The `probe` of the `webhook` sink: the receiver's host resolves, TLS
 * verifies with the sink's `tls` settings (or a TCP connection opens for
 * `http:`), and the dead-letter file can be written. POSTs nothing.
 */
export async function probeWebhook(config: WebhookConfig, context: ComponentContext, options: ProbeOptions): Promise<ProbeResult[]> {
  const endpoint = await probeEndpoint(new URL(config.url), config.tls, context.baseDir, options);
  return [...endpoint, await probeDeadLetterFile(resolveDeadLetterPath(config.deadLetter, context.id, context.baseDir), options)];
}
