import { ManualClock } from '@jackwatch/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCloudWatchLogs, startFakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { RecordingLogger } from './support/recording-logger.ts';
import { readInBackground, sourceAgainst, tailSessionReady } from './support/source-harness.ts';
import { GROUP, T0 } from './support/trail-group.ts';

let fake: FakeCloudWatchLogs | undefined;
afterEach(() => fake?.close());

describe('cloudwatch-logs source, stopped while a call is in flight', () => {
  it('logs nothing at error level and reports no error when a drain aborts FilterLogEvents', async () => {
    const clock = new ManualClock(T0, { autoAdvance: true });
    fake = await startFakeCloudWatchLogs({ now: () => clock.now() });
    fake.store.createLogGroup(GROUP);
    const logger = new RecordingLogger();
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], startTime: '-1h' }, { clock, logger });
    await source.start();
    fake.stall('FilterLogEvents');
    const reader = readInBackground(source);
    await fake.waitForStalled(1);
    await reader.stop();
    expect(logger.at('error')).toEqual([]);
    expect(context.errors).toMatchObject({ rejections: [], errors: [] });
    expect(logger.lines.some((line) => line.level === 'debug' && /aborted/i.test(line.message))).toBe(true);
  });

  it('logs nothing at error level when a drain ends an open Live Tail session', async () => {
    const clock = new ManualClock(T0, { autoAdvance: true });
    fake = await startFakeCloudWatchLogs({ now: () => clock.now() });
    fake.store.createLogGroup(GROUP);
    const logger = new RecordingLogger();
    const { source, context } = sourceAgainst(fake, { logGroups: [GROUP], mode: 'tail', startTime: '-1h' }, { clock, logger });
    const reader = readInBackground(source);
    await tailSessionReady(fake, 1);
    await reader.stop();
    expect(logger.at('error')).toEqual([]);
    expect(context.errors).toMatchObject({ rejections: [], errors: [] });
  });
});
