import type { BackoffPolicy } from '@jackwatch/core';

/** Waits of the CloudWatch Logs source between failed calls or sessions: 1 s doubling to 5 min, so a long throttling spell slows it down instead of ending it. */
export const CLOUDWATCH_LOGS_BACKOFF: BackoffPolicy = { initial: 1_000, max: 5 * 60_000 };
