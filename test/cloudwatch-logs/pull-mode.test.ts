import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interestIncludes } from '@jackwatch/core';
import { cloudTrailRecord, iamUser, ManualClock } from '@jackwatch/core/testing';
import { filterPatternFor } from '@jackwatch/sources';
import { type FakeCloudWatchLogs, startFakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { bedrockInterest, eventIds, readAll, sourceAgainst } from './support/source-harness.ts';
import { asLogEvents, backgroundNoise, enumThenInvoke } from './support/trail-records.ts';
import { GROUP, MINUTE, startFakeWithTrailGroup, STREAM, T0 } from './support/trail-group.ts';

let fake: FakeCloudWatchLogs;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(T0, { autoAdvance: true });
  fake = await startFakeWithTrailGroup(clock);
});
afterEach(() => fake.close());

const invocation = (time: number, userName = 'mallory') => cloudTrailRecord({ time, action: 'InvokeModel', identity: iamUser({ userName }) });

describe('cloudwatch-logs source, pull mode', () => {
  it('pushes the detectors’ interest down as a filter pattern and reads only what can match', async () => {
    const attack = enumThenInvoke(T0 + 10 * MINUTE);
    const noise = backgroundNoise(T0, 3000);
    fake.store.put(GROUP, asLogEvents([...noise, ...attack]), STREAM);
    clock = new ManualClock(T0 + 70 * MINUTE, { autoAdvance: true });
    const { source } = sourceAgainst(fake, { logGroups: [GROUP], startTime: T0, once: true }, { clock });

    const { events } = await readAll(source);

    const pattern = filterPatternFor(bedrockInterest());
    expect(pattern).toMatch(/^\{ \(\$\.eventSource = "bedrock\.amazonaws\.com"\) && \(\$\.eventName = "Converse" \|\| .*"ListFoundationModels".*\) \}$/);
    const reads = fake.requests.filter((request) => request.operation === 'FilterLogEvents');
    expect(new Set(reads.map((request) => request.input.filterPattern))).toEqual(new Set([pattern]));
    const interest = bedrockInterest();
    const expected = [...noise, ...attack].filter((r) => interestIncludes(interest, String(r.eventSource), String(r.eventName)));
    expect(new Set(eventIds(events))).toEqual(new Set(expected.map((r) => r.eventID)));
    expect(events).toHaveLength(expected.length);
    expect(eventIds(events)).toEqual(expect.arrayContaining(attack.map((r) => r.eventID)));
    // What CloudWatch sent back is what can match, a small part of the group.
    expect(fake.reads.returned).toBe(expected.length);
    expect(fake.reads.returned / fake.store.find(GROUP)!.events.length).toBeLessThan(0.05);
  });

  it('pages with nextToken, delivering every event once, in timestamp order', async () => {
    const records = Array.from({ length: 30 }, (_, i) => invocation(T0 + i * 1000, `user${i}`));
    fake.store.put(GROUP, asLogEvents(records), STREAM);
    clock = new ManualClock(T0 + 10 * MINUTE, { autoAdvance: true });
    const { source } = sourceAgainst(fake, { logGroups: [GROUP], startTime: T0, once: true, pageSize: 7 }, { clock });

    const { events, batches } = await readAll(source);

    expect(eventIds(events)).toEqual(records.map((r) => r.eventID));
    expect(batches).toBe(5);
    const reads = fake.requests.filter((request) => request.operation === 'FilterLogEvents' && request.input.limit === 7);
    expect(reads).toHaveLength(5);
    expect(reads.slice(1).every((request) => typeof request.input.nextToken === 'string')).toBe(true);
  });

  it('backs off ThrottlingException and LimitExceededException and loses nothing', async () => {
    const records = Array.from({ length: 12 }, (_, i) => invocation(T0 + i * 1000));
    fake.store.put(GROUP, asLogEvents(records), STREAM);
    clock = new ManualClock(T0 + 10 * MINUTE, { autoAdvance: true });
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], startTime: T0, once: true, pageSize: 5 }, { clock });
    await source.start();
    fake.failNext('FilterLogEvents', 'ThrottlingException', 1);

    const firstPage = source.read(new AbortController().signal)[Symbol.asyncIterator]();
    const first = await firstPage.next();
    // The SDK's own retry absorbed one throttle; three limit errors outlast its 2 attempts, so the source backs off itself.
    fake.failNext('FilterLogEvents', 'LimitExceededException', 3);
    const rest = [];
    for (let next = await firstPage.next(); !next.done; next = await firstPage.next()) rest.push(next.value);

    const events = [...(first.value?.events ?? []), ...rest.flatMap((batch) => batch.events)];
    expect(eventIds(events)).toEqual(records.map((r) => r.eventID));
    expect(fake.requests.filter((r) => r.error === 'ThrottlingException')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.error === 'LimitExceededException')).toHaveLength(3);
    // Retries are warnings: a run that recovers has nothing to fail for.
    expect(context.errors.errors).toEqual([]);
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(1);
  });

  it('reads events CloudWatch ingests late within the lag guard, which a reader without guard loses', async () => {
    const scenario = async (ingestionDelay: string): Promise<string[]> => {
      const local = new ManualClock(T0);
      const server = await startFakeCloudWatchLogs({ now: () => local.now() });
      server.store.createLogGroup(GROUP);
      const early = invocation(T0 - 8 * MINUTE, 'early');
      const late = invocation(T0 - 1 * MINUTE, 'late');
      server.store.put(GROUP, asLogEvents([early]), STREAM);
      const { source } = sourceAgainst(server, { logGroups: [GROUP], startTime: T0 - 10 * MINUTE, pollInterval: '1m', ingestionDelay }, { clock: local });
      const controller = new AbortController();
      const delivered: string[] = [];
      const reading = (async () => {
        for await (const batch of source.read(controller.signal)) {
          delivered.push(...eventIds(batch.events));
          await batch.ack?.();
        }
      })();
      for (let minute = 1; minute <= 8; minute++) {
        await local.whenSleeping();
        // The record of T0−1m reaches CloudWatch 3 minutes after it happened, within the 5-minute guard.
        if (minute === 3) server.store.put(GROUP, asLogEvents([late]), STREAM);
        local.advance(MINUTE);
      }
      await local.whenSleeping();
      controller.abort();
      await reading;
      await server.close();
      return delivered;
    };

    const guarded = await scenario('5m');
    const unguarded = await scenario('0s');
    const lateId = invocation(T0 - MINUTE, 'late').eventID;
    expect(guarded).toEqual([invocation(T0 - 8 * MINUTE, 'early').eventID, lateId]);
    expect(unguarded).not.toContain(lateId);
  });

  it('drops by event id the boundary events a later window returns again, and keeps late ones at that instant', async () => {
    const clockAt = new ManualClock(T0);
    const boundary = T0 - 5 * MINUTE; // the first poll's window end (now − ingestionDelay)
    const first = invocation(boundary, 'first');
    fake.store.put(GROUP, asLogEvents([first]), STREAM);
    const { source, context, checkpoints } = sourceAgainst(fake, { logGroups: [GROUP], startTime: T0 - 30 * MINUTE, pollInterval: '1m' }, { clock: clockAt });
    const controller = new AbortController();
    const delivered: string[] = [];
    const reading = (async () => {
      for await (const batch of source.read(controller.signal)) {
        delivered.push(...eventIds(batch.events));
        await batch.ack?.();
      }
    })();
    await clockAt.whenSleeping();
    expect(await checkpoints.scope('cloudwatch-logs/test').get(GROUP)).toEqual({ timestamp: boundary, eventIds: [fake.store.find(GROUP)!.events[0]!.eventId] });
    const sameInstant = invocation(boundary, 'same-millisecond-but-late');
    fake.store.put(GROUP, asLogEvents([sameInstant]), STREAM);
    clockAt.advance(MINUTE);
    await clockAt.whenSleeping();
    controller.abort();
    await reading;

    expect(delivered).toEqual([first.eventID, sameInstant.eventID]);
    expect(context.telemetry.total('jackwatch.cloudwatch_logs.duplicates.dropped')).toBe(1);
  });

  it('resumes from the checkpoint on restart, which wins over startTime, and advances it only on ack', async () => {
    const hours = [0, 1, 2].map((h) => Array.from({ length: 3 }, (_, i) => invocation(T0 + h * 60 * MINUTE + (i + 1) * MINUTE, `h${h}u${i}`)));
    fake.store.put(GROUP, asLogEvents(hours.flat()), STREAM);
    clock = new ManualClock(T0 + 3 * 60 * MINUTE + 10 * MINUTE, { autoAdvance: true });
    const config = { logGroups: [GROUP], startTime: T0, once: true };

    // A run that crashes before anything is delivered leaves no checkpoint: the next run reads it all again.
    const crashed = sourceAgainst(fake, config, { clock });
    expect((await readAll(crashed.source, { ack: false })).events).toHaveLength(9);
    const again = sourceAgainst(fake, config, { clock, checkpoints: crashed.checkpoints });
    const iterator = again.source.read(new AbortController().signal)[Symbol.asyncIterator]();
    // Deliver the first hour only (one window), then crash.
    const firstWindow = await iterator.next();
    await firstWindow.value?.ack?.();
    await iterator.return?.(undefined);
    expect(eventIds(firstWindow.value?.events ?? [])).toEqual(hours[0]!.map((r) => r.eventID));

    // The restart resumes after the delivered window, although startTime says a week back.
    const resumed = sourceAgainst(fake, { ...config, startTime: '-7d' }, { clock, checkpoints: crashed.checkpoints });
    const { events } = await readAll(resumed.source);
    expect(eventIds(events)).toEqual([...hours[1]!, ...hours[2]!].map((r) => r.eventID));

    // Nothing new: a further restart reads nothing.
    const idle = sourceAgainst(fake, config, { clock, checkpoints: crashed.checkpoints });
    expect((await readAll(idle.source)).events).toEqual([]);
  });

  it('reads several log groups, one by ARN in another account, with a stream prefix, naming each origin', async () => {
    const other = fake.store.createLogGroup('org-trail', '210987654321');
    fake.store.put(GROUP, asLogEvents([invocation(T0, 'local')]), STREAM);
    fake.store.put(other.name, asLogEvents([invocation(T0 + 1000, 'member')]), 'o-abc_210987654321_CloudTrail_eu-west-1');
    fake.store.put(other.name, asLogEvents([invocation(T0 + 2000, 'elsewhere')]), 'digest');
    clock = new ManualClock(T0 + 10 * MINUTE, { autoAdvance: true });
    const { source } = sourceAgainst(fake, { logGroups: [GROUP, `${other.arn}:*`], logStreamNamePrefix: 'o-abc_', startTime: T0, once: true }, { clock });
    fake.store.put(GROUP, asLogEvents([invocation(T0 + 3000, 'unprefixed')]), STREAM);

    const { events } = await readAll(source);

    expect(events.map((event) => event.userName)).toEqual(['member']);
    const [event] = events;
    expect(event?.origin).toEqual({
      source: 'cloudwatch-logs/test',
      location: `${other.arn}/o-abc_210987654321_CloudTrail_eu-west-1`,
      index: other.events[0]!.eventId,
    });
    expect(fake.requests.filter((r) => r.operation === 'FilterLogEvents').map((r) => r.input.logGroupIdentifier)).toContain(other.arn);
  });

  it('reports messages that are not CloudTrail records with group, stream and event id, and goes on', async () => {
    fake.store.put(GROUP, [{ timestamp: T0, message: 'START RequestId: 6f0c Version: $LATEST' }], 'lambda-stream');
    fake.store.put(GROUP, [{ timestamp: T0 + 1, message: '{"level":"info","msg":"exporter started"}' }], 'app-stream');
    fake.store.put(GROUP, asLogEvents([invocation(T0 + 2)]), STREAM);
    clock = new ManualClock(T0 + 10 * MINUTE, { autoAdvance: true });
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], startTime: T0, once: true, filterPattern: '' }, { clock });

    const { events } = await readAll(source);

    expect(events).toHaveLength(1);
    const [text, json] = fake.store.find(GROUP)!.events;
    expect(context.errors.rejections).toEqual([
      expect.objectContaining({ reason: 'malformed-json', origin: { source: 'cloudwatch-logs/test', location: `${GROUP}/lambda-stream`, index: text!.eventId } }),
      expect.objectContaining({ reason: 'not-cloudtrail', origin: { source: 'cloudwatch-logs/test', location: `${GROUP}/app-stream`, index: json!.eventId } }),
    ]);
    expect(fake.requests.every((r) => r.input.filterPattern === undefined)).toBe(true);
  });

  it('rejects a message larger than maxRecordSize with its event id, its size and the limit, unparsed, and reads the rest', async () => {
    const before = invocation(T0, 'before');
    const giant = cloudTrailRecord({ time: T0 + 1_000, action: 'InvokeModel', identity: iamUser({ userName: 'mallory' }), extra: { blob: '"]}'.repeat(10_000) } });
    const after = invocation(T0 + 2_000, 'after');
    fake.store.put(GROUP, asLogEvents([before, giant, after]), STREAM);
    clock = new ManualClock(T0 + 10 * MINUTE, { autoAdvance: true });
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], startTime: T0, once: true, maxRecordSize: '16KiB' }, { clock });

    const { events } = await readAll(source);

    expect(eventIds(events)).toEqual([before.eventID, after.eventID]);
    const stored = fake.store.find(GROUP)!.events[1]!;
    expect(context.errors.rejections).toEqual([
      {
        reason: 'malformed-json',
        message: `log event is ${Buffer.byteLength(stored.message)} bytes, longer than maxRecordSize (16384 bytes); skipped unparsed, the rest of the input is still read`,
        origin: { source: 'cloudwatch-logs/test', location: `${GROUP}/${STREAM}`, index: stored.eventId },
      },
    ]);
  });

  it('fails to start with one clear error naming a missing group, or the group and the missing permission', async () => {
    const missing = sourceAgainst(fake, { logGroups: ['/aws/cloudtrail/typo'] }, { clock });
    await expect(missing.source.start()).rejects.toThrow(/log group \/aws\/cloudtrail\/typo does not exist \(ResourceNotFoundException\)/);

    fake.store.deny(GROUP, 'logs:FilterLogEvents');
    const denied = sourceAgainst(fake, { logGroups: [GROUP] }, { clock });
    await expect(denied.source.start()).rejects.toThrow(
      new RegExp(`access denied to log group ${GROUP} \\(AccessDeniedException\\): the AWS credentials in use need logs:FilterLogEvents on log group ${GROUP}`),
    );
    await denied.source.shutdown();
    await denied.source.shutdown();
  });

  it('refuses at start a filter pattern CloudWatch cannot parse', async () => {
    const { source } = sourceAgainst(fake, { logGroups: [GROUP], filterPattern: '{ $.eventSource = ' }, { clock });
    await expect(source.start()).rejects.toThrow(/InvalidParameterException.*filter pattern/);
  });
});
