import type { Clock } from '@jackwatch/core';
import { AwsRequestError } from '../aws/aws-request-error.ts';

/** How {@link retryWithBackoff} waits and reports. */
export interface RetryPolicy {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** Errors worth no retry (rethrown at once): permissions, credentials, configuration. */
  readonly isFatal: (error: AwsRequestError) => boolean;
  /** Called with each failure that will be retried, and the wait before the retry. */
  readonly onRetry: (error: AwsRequestError, waitMs: number) => void;
}

const FIRST_WAIT_MS = 1_000;
const MAX_WAIT_MS = 5 * 60_000;

/**
 * Runs `call` until it succeeds, waiting longer after each failure (1 s
 * doubling to 5 min, with jitter) on top of the SDK's own retries, so a long
 * throttling spell or an outage slows the source down instead of ending it.
 * Fatal errors are rethrown; an abort rejects with the signal's reason.
 */
export async function retryWithBackoff<T>(policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await call();
    } catch (error) {
      if (policy.signal.aborted) throw policy.signal.reason;
      const failure = error instanceof AwsRequestError ? error : new AwsRequestError(error, { permission: 'logs:*', resource: 'CloudWatch Logs' });
      if (policy.isFatal(failure)) throw failure;
      const wait = backoff(failures);
      policy.onRetry(failure, wait);
      await policy.clock.sleep(wait, policy.signal);
    }
  }
}

/** The wait after the `failures`-th consecutive failure (0-based): exponential, capped, with up to 50% jitter. */
export function backoff(failures: number): number {
  const ceiling = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
