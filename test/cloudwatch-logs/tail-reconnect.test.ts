import { afterEach, describe, expect, it } from 'vitest';
import { cloudTrailRecord, iamUser, ManualClock } from '@jackwatch/core/testing';
import { type FakeCloudWatchLogs, type GroupNaming, startFakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { eventIds, readInBackground, sourceAgainst, tailSessionReady } from './support/source-harness.ts';
import { asLogEvents } from './support/trail-records.ts';
import { GROUP, STREAM, T0 } from './support/trail-group.ts';

const SHARED = '/org/trail';

let fake: FakeCloudWatchLogs | undefined;
afterEach(() => fake?.close());

let serial = 0;
const invocation = (time: number) => cloudTrailRecord({ time, action: 'InvokeModel', identity: iamUser({ userName: `u${++serial}` }) });

// How the source is configured (the group by name, or another account's by ARN) × how Live Tail events name the group.
const CASES: { configured: 'name' | 'arn'; naming: GroupNaming }[] = [
  { configured: 'name', naming: 'arn' },
  { configured: 'name', naming: 'arn:*' },
  { configured: 'name', naming: 'name' },
  { configured: 'name', naming: 'account:name' },
  { configured: 'arn', naming: 'name' },
  { configured: 'arn', naming: 'account:name' },
];

describe('cloudwatch-logs source, Live Tail sessions that end every few hundred milliseconds', () => {
  it.each(CASES)('delivers each event exactly once: group configured by $configured, events naming it as $naming', async ({ configured, naming }) => {
    const clock = new ManualClock(T0, { autoAdvance: true });
    fake = await startFakeCloudWatchLogs({ now: () => clock.now() });
    const group = configured === 'name' ? fake.store.createLogGroup(GROUP) : fake.store.createLogGroup(SHARED, '210987654321');
    fake.liveTail.groupNaming = naming;
    fake.liveTail.sessionDuration = 150;
    const identifier = configured === 'name' ? GROUP : group.arn;
    const { source, context } = sourceAgainst(fake, { logGroups: [identifier], mode: 'tail', startTime: '-1h', pollInterval: '1s' }, { clock });
    const reader = readInBackground(source);

    const delivered: ReturnType<typeof invocation>[] = [];
    for (let session = 1; session <= 6; session++) {
      await tailSessionReady(fake, session);
      const record = invocation(clock.now());
      fake.store.put(group.name, asLogEvents([record]), STREAM);
      delivered.push(record);
      await reader.until(delivered.length);
    }
    // Two more sessions whose gap reads go back over every event above.
    await tailSessionReady(fake, fake.liveTail.started + 2);
    const { events } = await reader.stop();

    expect(eventIds(events)).toEqual(delivered.map((r) => r.eventID));
    expect(new Set(events.map((e) => e.origin.location))).toEqual(new Set([`${identifier}/${STREAM}`]));
    expect(context.telemetry.total('jackwatch.cloudwatch_logs.duplicates.dropped')).toBeGreaterThanOrEqual(delivered.length);
    expect(context.errors).toMatchObject({ rejections: [], errors: [] });
  });

  it('drops a message that is not CloudTrail once, however often the gap is re-read', async () => {
    const clock = new ManualClock(T0, { autoAdvance: true });
    fake = await startFakeCloudWatchLogs({ now: () => clock.now() });
    fake.store.createLogGroup(GROUP);
    fake.liveTail.groupNaming = 'account:name';
    fake.liveTail.sessionDuration = 150;
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h', pollInterval: '1s', filterPattern: '' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    fake.store.put(GROUP, [{ timestamp: clock.now(), message: 'another writer: not a CloudTrail record' }], 'app');
    const record = invocation(clock.now());
    fake.store.put(GROUP, asLogEvents([record]), STREAM);
    await reader.until(1);
    await tailSessionReady(fake, fake.liveTail.started + 3);
    const { events } = await reader.stop();
    expect(eventIds(events)).toEqual([record.eventID]);
    expect(context.errors.rejections.map((r) => [r.reason, r.origin.location])).toEqual([['malformed-json', `${GROUP}/app`]]);
  });
});

describe('cloudwatch-logs source, Live Tail, a message larger than maxRecordSize', () => {
  it('is rejected once, unparsed, with its size and the limit, and the events around it are delivered', async () => {
    const clock = new ManualClock(T0, { autoAdvance: true });
    fake = await startFakeCloudWatchLogs({ now: () => clock.now() });
    fake.store.createLogGroup(GROUP);
    fake.liveTail.sessionDuration = 150;
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h', pollInterval: '1s', maxRecordSize: '16KiB' }, { clock });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    const giant = cloudTrailRecord({ time: clock.now(), action: 'InvokeModel', identity: iamUser({ userName: 'mallory' }), extra: { blob: '\\"'.repeat(10_000) } });
    const around = [invocation(clock.now()), invocation(clock.now())];
    fake.store.put(GROUP, asLogEvents([around[0]!, giant, around[1]!]), STREAM);
    await reader.until(2);
    await tailSessionReady(fake, fake.liveTail.started + 2);
    const { events } = await reader.stop();
    expect(eventIds(events)).toEqual(around.map((r) => r.eventID));
    expect(context.errors.rejections).toMatchObject([{ reason: 'malformed-json', origin: { location: `${GROUP}/${STREAM}` } }]);
    expect(context.errors.rejections[0]!.message).toMatch(new RegExp(`^log event is ${Buffer.byteLength(JSON.stringify(giant))} bytes, longer than maxRecordSize \\(16384 bytes\\)`));
  });
});
