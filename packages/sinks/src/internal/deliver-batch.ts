import type { Clock, Finding } from '@jackwatch/core';
import { backoffDelay, type BackoffPolicy } from '@jackwatch/core';
import type { BatchTransport, DeliveryResult } from './batch-transport.ts';

/** How one batch ended. */
export type BatchOutcome =
  | { readonly delivered: true; readonly attempts: number }
  | { readonly delivered: false; readonly attempts: number; readonly reason: string };

/** What {@link deliverBatch} needs besides the batch. */
export interface DeliverBatchOptions {
  readonly transport: BatchTransport;
  readonly clock: Clock;
  readonly maxRetries: number;
  readonly backoff: BackoffPolicy;
  /** Aborted at the shutdown deadline: stop retrying and give the batch up. */
  readonly signal: AbortSignal;
  /** Called before each retry, with the failed attempt's reason and the delay chosen. */
  readonly onRetry: (attempt: number, reason: string, delayMs: number) => void;
  readonly random?: () => number;
}

/**
 * Sends one batch, retrying retryable failures with exponential backoff and
 * jitter (or the receiver's `Retry-After`, capped at `backoff.max`) up to
 * `maxRetries` times. Never throws.
 */
export async function deliverBatch(findings: readonly Finding[], options: DeliverBatchOptions): Promise<BatchOutcome> {
  const { transport, clock, signal } = options;
  if (signal.aborted) return { delivered: false, attempts: 0, reason: 'shutdown deadline passed before delivery' };
  for (let attempt = 1; ; attempt++) {
    const result = await sendOnce(transport, findings, signal);
    if (result.ok) return { delivered: true, attempts: attempt };
    if (!result.retryable) return { delivered: false, attempts: attempt, reason: result.reason };
    if (attempt > options.maxRetries) return { delivered: false, attempts: attempt, reason: `${result.reason} (gave up after ${attempt} attempts)` };
    if (signal.aborted) return { delivered: false, attempts: attempt, reason: `${result.reason} (shutdown deadline)` };
    const delay =
      'retryAfterMs' in result && result.retryAfterMs !== undefined
        ? Math.min(result.retryAfterMs, options.backoff.max)
        : backoffDelay(attempt, options.backoff, options.random);
    options.onRetry(attempt, result.reason, delay);
    try {
      await clock.sleep(delay, signal);
    } catch {
      return { delivered: false, attempts: attempt, reason: `${result.reason} (shutdown deadline)` };
    }
  }
}

/** One `transport.send`, with a throw (synchronous or not) turned into a retryable failure. */
async function sendOnce(transport: BatchTransport, findings: readonly Finding[], signal: AbortSignal): Promise<DeliveryResult> {
  try {
    return await transport.send(findings, signal);
  } catch (error) {
    return { ok: false, retryable: true, reason: `transport error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
