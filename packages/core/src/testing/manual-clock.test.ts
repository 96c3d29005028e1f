import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.ts';

describe('ManualClock', () => {
  it('keeps its time until told, and wakes a sleeper only once its deadline is reached', async () => {
    const clock = new ManualClock(1_000);
    let woke = false;
    const sleeping = clock.sleep(500).then(() => (woke = true));
    await clock.whenSleeping();
    clock.advance(499);
    await Promise.resolve();
    expect(woke).toBe(false);
    expect(clock.now()).toBe(1_499);
    clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
    expect(clock.sleeps).toEqual([500]);
  });

  it('wakeSleepers ends every current sleep at the latest deadline', async () => {
    const clock = new ManualClock(0);
    const both = Promise.all([clock.sleep(10), clock.sleep(30)]);
    clock.wakeSleepers();
    await both;
    expect(clock.now()).toBe(30);
  });

  it('whenSleeping resolves for a sleep that starts later', async () => {
    const clock = new ManualClock(0);
    const noticed = clock.whenSleeping();
    const sleeping = clock.sleep(5);
    await noticed;
    clock.advance(5);
    await sleeping;
  });

  it('rejects with the signal reason on abort, and a later advance does not revive the sleeper', async () => {
    const clock = new ManualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    clock.advance(1_000);
    await expect(clock.sleep(1, controller.signal)).rejects.toThrow('stop');
  });

  it('with autoAdvance, a sleep moves the time by its duration and returns at once', async () => {
    const clock = new ManualClock(0, { autoAdvance: true });
    await clock.sleep(60_000);
    await clock.sleep(250);
    expect(clock.now()).toBe(60_250);
    expect(clock.sleeps).toEqual([60_000, 250]);
  });
});
