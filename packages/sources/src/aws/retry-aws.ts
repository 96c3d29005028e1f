import { backoffDelay, type BackoffPolicy, type Clock, type ComponentContext } from '@jackwatch/core';
import { AwsRequestError, type AwsOperation, callAws } from './aws-request-error.ts';

/** How {@link retryAws} waits and reports between rounds. */
export interface RetryOptions {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** Called before each wait with the failure, the round that failed (1-based) and the delay. */
  readonly onRetry: (error: AwsRequestError, round: number, delayMs: number) => void;
  /** Rounds before giving up (each round is a full SDK call with its own adaptive retries). Default: until aborted. */
  readonly maxRounds?: number;
  /** Waits between rounds. Default: 1 s doubling to 60 s, with jitter. */
  readonly backoff?: BackoffPolicy;
  /** Failures worth no retry. Default: anything but a transient failure (throttling, 5xx, network). */
  readonly isFatal?: (error: AwsRequestError) => boolean;
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

const DEFAULT_BACKOFF: BackoffPolicy = { initial: 1_000, max: 60_000 };
const isNotTransient = (failure: AwsRequestError): boolean => failure.kind !== 'transient';

/**
 * Runs an AWS call until it succeeds, backing off (by default 1 s doubling
 * to 60 s, with jitter) after transient failures (throttling, 5xx, network)
 * that the SDK's own adaptive retries could not absorb: an outage must delay
 * reading, never skip input. Rethrows at once what waiting cannot fix (by
 * default: access denied, bad credentials, no region, not found, other
 * client errors; `isFatal` decides otherwise) and whatever fails after the
 * signal aborted or `maxRounds` ran out.
 */
export async function retryAws<T>(operation: AwsOperation, call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
  const isFatal = options.isFatal ?? isNotTransient;
  for (let round = 1; ; round++) {
    try {
      return await callAws(operation, call);
    } catch (error) {
      const failure = error instanceof AwsRequestError ? error : new AwsRequestError(error, operation);
      if (options.signal.aborted || isFatal(failure) || round >= maxRounds) throw failure;
      const delay = backoffDelay(round, options.backoff ?? DEFAULT_BACKOFF);
      options.onRetry(failure, round, delay);
      await options.clock.sleep(delay, options.signal);
    }
  }
}
