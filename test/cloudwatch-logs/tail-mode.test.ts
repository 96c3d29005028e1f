import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interestIncludes } from '@jackwatch/core';
import { cloudTrailRecord, iamUser, ManualClock } from '@jackwatch/core/testing';
import type { FakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { bedrockInterest, eventIds, readAll, readInBackground, sourceAgainst, tailSessionReady } from './support/source-harness.ts';
import { asLogEvents, backgroundNoise } from './support/trail-records.ts';
import { GROUP, MINUTE, startFakeWithTrailGroup, STREAM, T0 } from './support/trail-group.ts';

let fake: FakeCloudWatchLogs;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(T0);
  fake = await startFakeWithTrailGroup(clock);
});
afterEach(() => fake.close());

let serial = 0;
const invocation = (time: number) => cloudTrailRecord({ time, action: 'InvokeModel', identity: iamUser({ userName: `u${++serial}` }) });
// What the shipped detectors' interest (the filter the source pushes down) lets through.
const interest = bedrockInterest();
const canMatch = (record: { eventSource?: string; eventName?: string }): boolean => interestIncludes(interest, String(record.eventSource), String(record.eventName));
const put = (...records: ReturnType<typeof invocation>[]) => fake.store.put(GROUP, asLogEvents(records), STREAM);

describe('cloudwatch-logs source, Live Tail mode', () => {
  it('catches up, then follows the group live with the filter pushed down, dropping the noise', async () => {
    const history = invocation(T0 - 20 * MINUTE);
    const recent = invocation(T0 - 2 * MINUTE); // inside the lag guard: read by the session's gap read
    const noise = backgroundNoise(T0 - 60 * MINUTE, 200);
    put(history, recent);
    fake.store.put(GROUP, asLogEvents(noise), STREAM);
    const { source } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    const before = [history, recent, ...noise.filter(canMatch)];
    await reader.until(before.length);

    clock.advance(5_000);
    const live = [invocation(T0 + 4_000), invocation(T0 + 5_000)];
    const liveNoise = backgroundNoise(T0, 100, 'live-noise');
    put(...live);
    fake.store.put(GROUP, asLogEvents(liveNoise), STREAM);
    const after = [...live, ...liveNoise.filter(canMatch)];
    await reader.until(before.length + after.length);
    const { events } = await reader.stop();

    expect(new Set(eventIds(events))).toEqual(new Set([...before, ...after].map((r) => r.eventID)));
    expect(events).toHaveLength(before.length + after.length);
    expect(noise.filter(canMatch).length).toBeLessThan(noise.length / 10);
    const tail = fake.requests.find((r) => r.operation === 'StartLiveTail');
    expect(tail?.input).toEqual({
      logGroupIdentifiers: [fake.store.find(GROUP)!.arn],
      logEventFilterPattern: expect.stringMatching(/^\{ \(\$\.eventSource = "bedrock\.amazonaws\.com"\) && /),
    });
  });

  it('reconnects when CloudWatch ends the session and closes the gap without duplicates', async () => {
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    const first = [invocation(T0), invocation(T0 + 1_000)];
    clock.advance(2_000);
    put(...first);
    await reader.until(2);

    clock.advance(60_000);
    fake.liveTail.timeOutAll();
    // Ingested while no session is open: only the gap read of the next session can find it.
    const duringGap = invocation(T0 + 1_500); // older than what the tail last delivered
    put(duringGap);
    await tailSessionReady(fake, 2);
    await reader.until(3);
    clock.advance(5_000);
    const second = invocation(T0 + 66_000);
    put(second);
    await reader.until(4);
    const { events } = await reader.stop();

    expect(eventIds(events)).toEqual([...first, duringGap, second].map((r) => r.eventID));
    // The gap read went back before the first session's events and found them again: dropped as duplicates.
    expect(context.telemetry.total('jackwatch.cloudwatch_logs.duplicates.dropped')).toBeGreaterThanOrEqual(2);
    expect(context.telemetry.total('jackwatch.cloudwatch_logs.tail.sessions')).toBe(2);
    expect(context.errors).toMatchObject({ rejections: [], errors: [] });
  });

  it('reconnects with backoff when the stream breaks, warning of the break, and loses nothing', async () => {
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    clock.advance(1_000);
    const before = invocation(T0 + 500);
    put(before);
    await reader.until(1);

    fake.liveTail.breakAll();
    await clock.whenSleeping();
    const duringOutage = invocation(T0 + 800);
    put(duringOutage);
    clock.advance(5 * MINUTE);
    await tailSessionReady(fake, 2);
    await reader.until(2);
    const after = invocation(clock.now());
    put(after);
    await reader.until(3);
    const { events } = await reader.stop();

    expect(eventIds(events)).toEqual([before, duringOutage, after].map((r) => r.eventID));
    // A session that ends is reconnected and its gap re-read: a warning, not an error that fails the run.
    expect(context.errors.errors).toEqual([]);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('checkpoints only what is safe under the lag guard, so a restart in pull mode misses nothing', async () => {
    const { source, checkpoints } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    clock.advance(10 * MINUTE);
    const seen = invocation(T0 + 10 * MINUTE - 1_000);
    put(seen);
    await reader.until(1);
    await reader.stop();
    const stored = (await checkpoints.scope('cloudwatch-logs/test').get(GROUP)) as { timestamp: number };
    expect(stored.timestamp).toBe(T0 + 10 * MINUTE - 5 * MINUTE);

    // Ingested late (after the tail stopped) with an old timestamp, inside the guard: the restart finds it.
    const late = invocation(T0 + 6 * MINUTE);
    put(late);
    clock.advance(10 * MINUTE);
    const restart = sourceAgainst(fake, { logGroups: [GROUP], once: true }, { clock, checkpoints });
    const delivered: string[] = [];
    for await (const batch of restart.source.read(new AbortController().signal)) delivered.push(...eventIds(batch.events));
    expect(delivered).toEqual([late.eventID, seen.eventID]);
  });

  it('re-reads with FilterLogEvents what a sampling session left out', async () => {
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h', pollInterval: '10s' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    fake.liveTail.sampled = true;
    clock.advance(1_000);
    const burst = [invocation(T0 + 100), invocation(T0 + 200), invocation(T0 + 300)];
    put(...burst);
    await clock.whenSleeping();
    fake.liveTail.sampled = false;
    clock.advance(10_000);
    await tailSessionReady(fake, 2);
    await reader.until(3);
    const { events } = await reader.stop();

    // The session sent the 1st and 3rd; the gap read after reconnecting found the 2nd.
    expect(eventIds(events)).toEqual([burst[0], burst[2], burst[1]].map((r) => r!.eventID));
    expect(context.telemetry.total('jackwatch.cloudwatch_logs.tail.sampled')).toBe(1);
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('waits pollInterval before reconnecting a session that ended as soon as it began', async () => {
    const { source } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h', pollInterval: '20s' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    fake.liveTail.timeOutAll();
    await clock.whenSleeping();
    expect(fake.liveTail.started).toBe(1);
    clock.advance(20_000);
    await tailSessionReady(fake, 2);
    await reader.stop();
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('ends reading with one clear error when logs:StartLiveTail is denied', async () => {
    fake.store.deny(GROUP, 'logs:StartLiveTail');
    const { source } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail' }, { clock });
    await expect(readAll(source)).rejects.toThrow(
      /the AWS credentials in use need logs:StartLiveTail on log groups arn:aws:logs:us-east-1:123456789012:log-group:aws-cloudtrail-logs-123456789012/,
    );
  });

  it('resolves group names to the ARNs Live Tail needs, and fails to start on an unknown one', async () => {
    const named = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail' }, { clock });
    await named.source.start();
    expect(fake.requests.filter((r) => r.operation === 'DescribeLogGroups').map((r) => r.input)).toEqual([{ logGroupNamePrefix: GROUP }]);
    const unknown = sourceAgainst(fake, { logGroups: ['nope'], mode: 'tail' }, { clock });
    await expect(unknown.source.start()).rejects.toThrow(/log group nope does not exist/);
  });
});
