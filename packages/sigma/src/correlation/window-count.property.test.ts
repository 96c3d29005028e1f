import { compareEventTime, findingId, type DetectorMeta, type TrailEvent } from '@jackwatch/core';
import { EventFactory, iamUser, runDetector } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowCount } from './window-count.ts';

const T0 = Date.parse('2025-03-01T00:00:00Z');
const WINDOW = 10 * 60_000;
const LATENESS = 15 * 60_000;
const KEYS = [iamUser({ userName: 'alice' }), iamUser({ userName: 'bob' })];
const meta: DetectorMeta = {
  id: 'wc', title: 'window count', version: '1.0.0', description: 'test', severity: 'low', riskScore: 21,
  attack: { tactics: [], techniques: [{ id: 'T1580', name: 'T1580' }] }, references: [], tags: [], falsePositives: ['none'], investigation: 'none',
};

const detector = (atLeast: number, atMost: number, distinct: boolean) =>
  windowCount({
    meta,
    select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] },
    where: (e) => e.outcome === 'success',
    groupBy: { key: (e) => e.accessKeyId },
    ...(distinct ? { value: (e: TrailEvent) => e.region } : {}),
    window: WINDOW,
    atLeast,
    atMost,
    finding: ({ count }) => ({ summary: `${count}` }),
  });

/** The semantics read literally: per group and fixed window, count (distinct values), fire within the bounds, anchored on the window's first event. */
function reference(events: readonly TrailEvent[], atLeast: number, atMost: number, distinct: boolean): string[] {
  const counted = [...new Map(events.filter((e) => e.action === 'InvokeModel' && e.outcome === 'success').map((e) => [e.eventId, e])).values()];
  const windows = new Map<string, TrailEvent[]>();
  for (const event of counted) {
    const key = `${event.accessKeyId}|${Math.floor(event.time / WINDOW)}`;
    windows.set(key, [...(windows.get(key) ?? []), event]);
  }
  const ids: string[] = [];
  for (const members of windows.values()) {
    const count = distinct ? new Set(members.map((e) => e.region)).size : members.length;
    if (count >= atLeast && count <= atMost) ids.push(findingId('wc', [...members].sort(compareEventTime)[0]!.eventId));
  }
  return ids.sort();
}

const call = fc.record({
  second: fc.integer({ min: 0, max: 40 * 60 }),
  key: fc.integer({ min: 0, max: KEYS.length - 1 }),
  region: fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1'),
  action: fc.constantFrom('InvokeModel', 'InvokeModel', 'Converse'),
  failed: fc.boolean(),
  repeat: fc.boolean(),
});

describe('windowCount against the fixed-window semantics', () => {
  it('gives the reference findings, in time order and in any arrival order within the lateness, and keeps no state', () => {
    fc.assert(
      fc.property(
        fc.array(call, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        (calls, atLeast, extra, distinct, seed) => {
          const factory = new EventFactory(`wc-${seed}`);
          const events: TrailEvent[] = [];
          for (const c of calls) {
            const event = factory.event({ time: T0 + c.second * 1000, identity: KEYS[c.key]!, action: c.action, region: c.region, ...(c.failed ? { errorCode: 'AccessDenied' } : {}) });
            events.push(event);
            if (c.repeat) events.push(event); // a redelivery
          }
          const expected = reference(events, atLeast, atLeast + extra, distinct);
          const sorted = runDetector(detector(atLeast, atLeast + extra, distinct), [...events].sort(compareEventTime));
          expect(sorted.ids.sort()).toEqual(expected);
          expect(sorted.stateSizeAfter).toBe(0);
          const shuffled = runDetector(detector(atLeast, atLeast + extra, distinct), events, { order: 'shuffled', seed, allowedLateness: LATENESS, batchSize: 3 });
          expect(shuffled.ids.sort()).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('windowCount and late events', () => {
  it('absorbs an event whose window was already decided: no second finding for the window', () => {
    const factory = new EventFactory('wc-late');
    const [first, late] = [0, 60].map((second) => factory.event({ time: T0 + second * 1000, identity: KEYS[0]!, action: 'InvokeModel' }));
    const findings: unknown[] = [];
    const wc = detector(1, 1, false);
    wc.onEvent(first!, (f) => findings.push(f));
    wc.onWatermark(T0 + WINDOW, (f) => findings.push(f));
    expect(findings).toHaveLength(1);
    wc.onEvent(late!, (f) => findings.push(f));
    wc.onWatermark(T0 + 3 * WINDOW, (f) => findings.push(f));
    wc.flush((f) => findings.push(f));
    expect(findings).toHaveLength(1);
  });
});

