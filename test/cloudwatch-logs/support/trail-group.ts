import type { Clock } from '@jackwatch/core';
import { type FakeCloudWatchLogs, startFakeCloudWatchLogs } from '../../support/cloudwatch-logs-fake/index.ts';

/** The log group a trail of account 123456789012 writes to, as the console names it. */
export const GROUP = 'aws-cloudtrail-logs-123456789012';
/** The trail's log stream for us-east-1 in that group. */
export const STREAM = '123456789012_CloudTrail_us-east-1';
/** Where the tests' manual clocks start. */
export const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
export const MINUTE = 60_000;

/** Starts the fake CloudWatch Logs — on `clock`'s time when given, the real time otherwise — with {@link GROUP} created. */
export async function startFakeWithTrailGroup(clock?: Clock): Promise<FakeCloudWatchLogs> {
  const fake = await startFakeCloudWatchLogs(clock === undefined ? {} : { now: () => clock.now() });
  fake.store.createLogGroup(GROUP);
  return fake;
}
