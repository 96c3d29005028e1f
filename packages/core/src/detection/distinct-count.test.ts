import { describe, expect, it } from 'vitest';
import { findingId } from '../finding/finding-id.ts';
import { CounterSet } from '../services/telemetry.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { iamUser } from '../testing/identities.ts';
import { runDetector } from '../testing/run-detector.ts';
import { DETECTION_COUNTERS } from './detector-spec.ts';
import { distinctCount, type DistinctCountSpec } from './distinct-count.ts';
import { testMeta } from './testdata/test-meta.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

function regions(overrides: Partial<DistinctCountSpec> = {}) {
  return distinctCount({
    meta: testMeta('regions'),
    select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] },
    where: (e) => e.outcome === 'success',
    groupBy: { accessKeyId: (e) => e.accessKeyId },
    distinct: (e) => e.region,
    atLeast: 3,
    window: HOUR,
    finding: ({ group, values }) => ({ summary: `${group.accessKeyId} in ${values.join(', ')}` }),
    ...overrides,
  });
}

const invoke = (ev: EventFactory, minute: number, region: string, extra: { errorCode?: string; action?: string } = {}) =>
  ev.event({ time: T0 + minute * MIN, action: 'InvokeModel', source: 'bedrock.amazonaws.com', region, ...extra });

describe('distinctCount', () => {
  it('fires on the event that brings the N-th distinct value, with one event per value as evidence', () => {
    const ev = new EventFactory('dc-basic');
    const events = [invoke(ev, 0, 'us-east-1'), invoke(ev, 5, 'us-east-1'), invoke(ev, 10, 'us-west-2'), invoke(ev, 20, 'eu-west-1'), invoke(ev, 30, 'ap-south-1')];
    const { findings, stateSizeAfter } = runDetector(regions(), events);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.id).toBe(findingId('regions', events[3]!.eventId));
    expect(findings[0]!.summary).toBe(`${events[0]!.accessKeyId} in us-east-1, us-west-2, eu-west-1`);
    expect(findings[0]!.evidence).toEqual([events[0]!.raw, events[2]!.raw, events[3]!.raw]);
    expect(findings[0]!.firstTime).toBe(new Date(T0).toISOString());
    expect(stateSizeAfter).toBe(0);
  });

  it('needs N distinct values: N − 1 values never fire however often they repeat', () => {
    const ev = new EventFactory('dc-n-1');
    const events = Array.from({ length: 40 }, (_, i) => invoke(ev, i, i % 2 === 0 ? 'us-east-1' : 'us-west-2'));
    expect(runDetector(regions(), events).findings).toHaveLength(0);
  });

  it('includes both ends of the window: 60 minutes fires, 60 minutes and a second does not', () => {
    const ev = new EventFactory('dc-ends');
    expect(runDetector(regions(), [invoke(ev, 0, 'a'), invoke(ev, 30, 'b'), invoke(ev, 60, 'c')]).findings).toHaveLength(1);
    const late = ev.event({ time: T0 + HOUR + 1000, action: 'InvokeModel', source: 'bedrock.amazonaws.com', region: 'c' });
    expect(runDetector(regions(), [invoke(ev, 0, 'a'), invoke(ev, 30, 'b'), late]).findings).toHaveLength(0);
  });

  it('counts values in the same second, in eventID order; under disorder the group still fires once', () => {
    const ev = new EventFactory('dc-same-second');
    const events = ['a', 'b', 'c', 'd'].map((region, i) => ev.event({ time: T0, action: 'InvokeModel', source: 'bedrock.amazonaws.com', region, eventId: `id-${i}` }));
    expect(runDetector(regions(), events).ids).toEqual([findingId('regions', 'id-2')]);
    for (const order of [[3, 2, 1, 0], [2, 0, 3, 1]] as const) {
      expect(runDetector(regions(), events, { order, allowedLateness: MIN }).ids).toHaveLength(1);
    }
  });

  it('re-arms one window after firing and absorbs what falls before', () => {
    const telemetry = new CounterSet();
    const ev = new EventFactory('dc-rearm');
    // Fires at 2; re-arms at 62; 10 and 61 absorbed; counts afresh from 62: fires at 64.
    const minutes: [number, string][] = [[0, 'a'], [1, 'b'], [2, 'c'], [10, 'd'], [61, 'e'], [62, 'a'], [63, 'b'], [64, 'c']];
    const events = minutes.map(([m, r]) => invoke(ev, m, r));
    const { ids } = runDetector(regions({ telemetry }), events);
    expect(ids).toEqual([findingId('regions', events[2]!.eventId), findingId('regions', events[7]!.eventId)]);
    expect(telemetry.total(DETECTION_COUNTERS.absorbed)).toBe(2);
  });

  it('counts only what it selects: other actions, failures and events without the counted value', () => {
    const ev = new EventFactory('dc-select');
    const events = [
      invoke(ev, 0, 'a'),
      invoke(ev, 1, 'b', { errorCode: 'ValidationException' }),
      invoke(ev, 2, 'c', { action: 'Converse' }),
      ev.event({ time: T0 + 3 * MIN, action: 'InvokeModel', source: 'bedrock.amazonaws.com', extra: { awsRegion: undefined } }),
      invoke(ev, 4, 'b'),
    ];
    expect(runDetector(regions({ distinct: (e) => (e.time === T0 + 3 * MIN ? undefined : e.region) }), events).findings).toHaveLength(0);
  });

  it('keeps groups apart and ignores a redelivered event', () => {
    const alice = new EventFactory('dc-alice');
    const bob = new EventFactory('dc-bob', { identity: iamUser({ userName: 'bob' }) });
    const a = invoke(alice, 0, 'a');
    const events = [a, a, invoke(alice, 1, 'b'), invoke(bob, 2, 'c'), invoke(bob, 3, 'd')];
    expect(runDetector(regions(), events).findings).toHaveLength(0);
  });

  it('holds about two occurrences per distinct value, however many events repeat them', () => {
    const ev = new EventFactory('dc-bounded');
    const events = Array.from({ length: 5000 }, (_, i) => ev.event({ time: T0 + i * 100, action: 'InvokeModel', source: 'bedrock.amazonaws.com', region: i % 2 === 0 ? 'a' : 'b' }));
    const { peakStateSize, findings } = runDetector(regions(), events, { batchSize: 1000, allowedLateness: 10 * MIN });
    expect(findings).toHaveLength(0);
    // One group + at most two kept occurrences per value, plus the arrivals of one batch not yet pruned.
    expect(peakStateSize).toBeLessThanOrEqual(1 + 2 * 2 + 1);
  });

  it('keeps an occurrence that arrives late between two of its value more than a window apart', () => {
    const ev = new EventFactory('dc-between');
    const [a0, a100, a50, b60, c70] = [
      invoke(ev, 0, 'a'),
      invoke(ev, 100, 'a'),
      invoke(ev, 50, 'a'),
      invoke(ev, 60, 'b'),
      invoke(ev, 70, 'c'),
    ];
    // [10m, 70m] holds a (at 50), b and c: the sorted semantics fires at c, whatever arrives first.
    const { ids } = runDetector(regions(), [a0!, a100!, a50!, b60!, c70!], { order: 'given', allowedLateness: 3 * HOUR });
    expect(ids).toEqual([findingId('regions', c70!.eventId)]);
  });

  it('rejects a window or count that cannot work', () => {
    expect(() => regions({ window: 0 })).toThrow(RangeError);
    expect(() => regions({ atLeast: 0 })).toThrow(RangeError);
    expect(() => regions({ atLeast: 2.5 })).toThrow(RangeError);
  });
});
