import type { Clock, ComponentContext } from '@jackwatch/core';
import { AwsRequestError, type AwsOperation, callAws } from './aws-request-error.ts';

/** How {@link retryAws} waits and reports between rounds. */
export interface RetryOptions {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** Called before each wait with the failure, the round that failed (1-based) and the delay. */
  readonly onRetry: (error: AwsRequestError, round: number, delayMs: number) => void;
  /** Rounds before giving up (each round is a full SDK call with its own adaptive retries). Default: until aborted. */
  readonly maxRounds?: number;
}

/**
 * Retry options for a component: waits on its clock and reports each retry
 * (with the round and the delay) to its error hook; gives up after
 * `maxRounds` when given, else retries until `signal` aborts.
 */
export function componentRetries(context: Pick<ComponentContext, 'clock' | 'logger'>, signal: AbortSignal, maxRounds?: number): RetryOptions {
  return {
    clock: context.clock,
    signal,
    ...(maxRounds !== undefined && { maxRounds }),
    // A retry is not a failure: one that never succeeds throws, and that is reported as an error.
    onRetry: (error, round, delayMs) => context.logger.warn(`AWS call failed, retrying in ${delayMs} ms: ${error instanceof Error ? error.message : String(error)}`, { round }),
  };
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/**
 * Runs an AWS call until it succeeds, backing off (1 s doubling to 60 s,
 * with jitter) after transient failures (throttling, 5xx, network) that the
 * SDK's own adaptive retries could not absorb: an outage must delay reading,
 * never skip input. Rethrows at once what waiting cannot fix — access denied,
 * bad credentials, no region, not found, other client errors — and whatever
 * fails after the signal aborted or `maxRounds` ran out.
 */
export async function retryAws<T>(operation: AwsOperation, call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
  for (let round = 1; ; round++) {
    try {
      return await callAws(operation, call);
    } catch (error) {
      const failure = error instanceof AwsRequestError ? error : new AwsRequestError(error, operation);
      if (failure.kind !== 'transient' || options.signal.aborted || round >= maxRounds) throw failure;
      const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (round - 1));
      const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
      options.onRetry(failure, round, delay);
      await options.clock.sleep(delay, options.signal);
    }
  }
}
