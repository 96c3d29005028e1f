import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding/finding.ts';
import { findingId } from '../finding/finding-id.ts';
import { CounterSet } from '../services/telemetry.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { runDetector } from '../testing/run-detector.ts';
import { DETECTION_COUNTERS } from './detector-spec.ts';
import { testMeta } from './testdata/test-meta.ts';
import { threshold, type ThresholdSpec } from './threshold.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

function failures(overrides: Partial<ThresholdSpec> = {}) {
  return threshold({
    meta: testMeta('failures'),
    select: 'all',
    where: (e) => e.outcome === 'failure',
    groupBy: { user: (e) => e.userName, agent: (e) => e.userAgent },
    window: HOUR,
    threshold: 2,
    finding: ({ group, count }) => ({ summary: `${group.user} failed ${count} times` }),
    ...overrides,
  });
}

const at = (ev: EventFactory, minutes: readonly number[], spec: { userAgent?: string | null } = {}) =>
  minutes.map((m) => ev.event({ time: T0 + m * MIN, action: 'Login', errorCode: 'Denied', ...spec }));

describe('threshold', () => {
  it('fires at the first event whose sliding window holds more than the threshold, with that window as evidence', () => {
    const ev = new EventFactory('thr-basic');
    const events = at(ev, [0, 10, 20, 30]);
    const { findings, stateSizeAfter } = runDetector(failures(), events);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.id).toBe(findingId('failures', events[2]!.eventId));
    expect(findings[0]!.evidence).toEqual(events.slice(0, 3).map((e) => e.raw));
    expect(findings[0]!.group).toEqual({ user: 'alice', agent: events[0]!.userAgent });
    expect(findings[0]!.summary).toBe('alice failed 3 times');
    expect(findings[0]!.firstTime).toBe(new Date(T0).toISOString());
    expect(stateSizeAfter).toBe(0);
  });

  it('includes both ends of the window: 60 minutes fires, 61 does not', () => {
    const ev = new EventFactory('thr-ends');
    expect(runDetector(failures(), at(ev, [0, 30, 60])).findings).toHaveLength(1);
    expect(runDetector(failures(), at(ev, [0, 30, 61])).findings).toHaveLength(0);
  });

  it('re-arms one window after firing and absorbs what falls before', () => {
    const telemetry = new CounterSet();
    const ev = new EventFactory('thr-rearm');
    // Fires at 2; re-arms at 62; 10..61 absorbed; counts afresh from 62: fires at 64.
    const events = at(ev, [0, 1, 2, 10, 20, 61, 62, 63, 64]);
    const { findings } = runDetector(failures({ telemetry }), events);
    expect(findings.map((f) => f.id)).toEqual([findingId('failures', events[2]!.eventId), findingId('failures', events[8]!.eventId)]);
    expect(telemetry.total(DETECTION_COUNTERS.absorbed)).toBe(3);
  });

  it('keeps groups apart and groups a missing field as unknown', () => {
    const ev = new EventFactory('thr-groups');
    const withAgent = at(ev, [0, 1]);
    const without = at(ev, [2, 3, 4], { userAgent: null });
    const { findings } = runDetector(failures(), [...withAgent, ...without]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.group.agent).toBe('unknown');
  });

  it('ignores a redelivered event', () => {
    const ev = new EventFactory('thr-dupes');
    const events = at(ev, [0, 1]);
    expect(runDetector(failures(), [...events, ...events], { order: 'given', allowedLateness: HOUR }).findings).toEqual([]);
  });

  it('fires on the sorted anchor even when the events arrive in reverse', () => {
    const ev = new EventFactory('thr-reverse');
    const events = at(ev, [0, 5, 10, 15]);
    const sorted = runDetector(failures(), events).ids;
    const reversed = runDetector(failures(), events, { order: [3, 2, 1, 0], allowedLateness: HOUR }).ids;
    expect(reversed).toHaveLength(1);
    // Reversed, the window [5, 15] is complete first: a different anchor, but the group fires.
    expect(reversed[0]).toBe(findingId('failures', events[3]!.eventId));
    expect(sorted).toEqual([findingId('failures', events[2]!.eventId)]);
  });

  it('evicts a group once the watermark passes its newest event by the window and its re-arm time', () => {
    const ev = new EventFactory('thr-evict');
    const detector = failures();
    const findings: Finding[] = [];
    const emit = (f: Finding): void => void findings.push(f);
    for (const e of at(ev, [0, 1, 2])) detector.onEvent(e, emit);
    expect(findings).toHaveLength(1);
    expect(detector.stateSize()).toBe(1); // the group, re-arming until minute 62
    detector.onWatermark(T0 + 62 * MIN, emit);
    expect(detector.stateSize()).toBe(1);
    detector.onWatermark(T0 + 62 * MIN + 1, emit);
    expect(detector.stateSize()).toBe(0);
    detector.onEvent(at(ev, [100])[0]!, emit);
    detector.onWatermark(T0 + 160 * MIN, emit);
    expect(detector.stateSize()).toBe(2);
    detector.onWatermark(T0 + 160 * MIN + 1, emit);
    expect(detector.stateSize()).toBe(0);
  });

  it('keeps the events an on-time event at the watermark still counts with', () => {
    const ev = new EventFactory('thr-boundary');
    const detector = failures();
    const findings: Finding[] = [];
    const emit = (f: Finding): void => void findings.push(f);
    for (const e of at(ev, [0, 30, 85])) detector.onEvent(e, emit);
    expect(findings).toHaveLength(0);
    detector.onWatermark(T0 + 90 * MIN, emit); // drops minute 0, must keep 30 and 85
    detector.onEvent(at(ev, [90])[0]!, emit);
    expect(findings).toHaveLength(1);
  });

  it('caps the evidence but reports the full count', () => {
    const ev = new EventFactory('thr-evidence');
    const events = at(ev, Array.from({ length: 30 }, () => 5));
    const { findings } = runDetector(failures({ threshold: 25, maxEvidence: 4, finding: ({ count }) => ({ summary: `${count}` }) }), events);
    expect(findings[0]!.summary).toBe('26');
    expect(findings[0]!.evidence).toHaveLength(4);
  });

  it('rejects a window that is not positive', () => {
    expect(() => failures({ window: 0 })).toThrow(RangeError);
  });
});
