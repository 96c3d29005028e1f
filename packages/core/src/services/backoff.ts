/** Exponential backoff bounds, in milliseconds: the one retry policy of sources and sinks. */
export interface BackoffPolicy {
  /** Delay before the first retry (before jitter). */
  readonly initial: number;
  /** Upper bound of any delay, `Retry-After` included. */
  readonly max: number;
}

/**
 * The delay before retry number `attempt` (1 for the first retry): exponential
 * growth from `initial`, capped at `max`, with "equal jitter" — half of the
 * delay is fixed, the other half random — so that many senders retrying at
 * once spread out without ever retrying immediately.
 *
 * @example backoffDelay(3, { initial: 500, max: 30_000 }) // between 1000 and 2000
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.max, policy.initial * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
