import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding/finding.ts';
import { findingId } from '../finding/finding-id.ts';
import { CounterSet } from '../services/telemetry.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { iamUser } from '../testing/identities.ts';
import { runDetector } from '../testing/run-detector.ts';
import { DETECTION_COUNTERS } from './detector-spec.ts';
import { testMeta } from './testdata/test-meta.ts';
import { sequence, type SequenceSpec } from './sequence.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const MIN = 60_000;
const alice = iamUser({ userName: 'alice' });
const bob = iamUser({ userName: 'bob' });

function twoSteps(overrides: Partial<SequenceSpec> = {}) {
  return sequence({
    meta: testMeta('two-steps'),
    by: (e) => e.accessKeyId,
    maxSpan: 15 * MIN,
    steps: [
      { name: 'look', select: 'all', where: (e) => e.action === 'Look' },
      { name: 'act', select: 'all', where: (e) => e.action === 'Act' },
    ],
    finding: ({ key }) => ({ group: { key }, summary: `${key} looked then acted` }),
    ...overrides,
  });
}

describe('sequence', () => {
  it('fires once per followed first event, anchored on it, with the earliest follower as evidence', () => {
    const ev = new EventFactory('seq-basic', { identity: alice });
    const look = ev.event({ time: T0, action: 'Look' });
    const act1 = ev.event({ time: T0 + 2 * MIN, action: 'Act' });
    const act2 = ev.event({ time: T0 + 5 * MIN, action: 'Act' });
    const { findings, stateSizeAfter } = runDetector(twoSteps(), [look, act1, act2]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.id).toBe(findingId('two-steps', look.eventId));
    expect(findings[0]!.evidence).toEqual([look.raw, act1.raw]);
    expect(findings[0]!.time).toBe(new Date(act1.time).toISOString());
    expect(findings[0]!.firstTime).toBe(new Date(look.time).toISOString());
    expect(stateSizeAfter).toBe(0);
  });

  it('takes the earliest stored follower when the first event arrives last', () => {
    const ev = new EventFactory('seq-late-first', { identity: alice });
    const look = ev.event({ time: T0, action: 'Look' });
    const act1 = ev.event({ time: T0 + 4 * MIN, action: 'Act' });
    const act2 = ev.event({ time: T0 + 2 * MIN, action: 'Act' });
    const { findings } = runDetector(twoSteps(), [act1, act2, look], { order: 'given', allowedLateness: 10 * MIN });
    expect(findings.map((f) => f.evidence[1])).toEqual([act2.raw]);
  });

  it('counts the boundary of maxSpan and the same second, in either arrival order', () => {
    const ev = new EventFactory('seq-bounds', { identity: alice });
    const cases = [
      { gap: 15 * MIN, fires: true },
      { gap: 15 * MIN + 1000, fires: false },
      { gap: 0, fires: true },
      { gap: -1000, fires: false },
    ];
    for (const { gap, fires } of cases) {
      const look = ev.event({ time: T0, action: 'Look' });
      const act = ev.event({ time: T0 + gap, action: 'Act' });
      for (const order of [[0, 1], [1, 0]]) {
        const { findings } = runDetector(twoSteps(), [look, act], { order, allowedLateness: 30 * MIN });
        expect({ gap, order, fired: findings.length }).toEqual({ gap, order, fired: fires ? 1 : 0 });
      }
    }
  });

  it('joins only events of the same key and ignores events without one', () => {
    const ev = new EventFactory('seq-keys');
    const look = ev.event({ time: T0, action: 'Look', identity: alice });
    const actOther = ev.event({ time: T0 + MIN, action: 'Act', identity: bob });
    const noKey = { ...ev.event({ time: T0 + MIN, action: 'Act', identity: alice }), accessKeyId: undefined };
    expect(runDetector(twoSteps(), [look, actOther, noKey]).findings).toEqual([]);
  });

  it('fires for each of two first events followed by one second event', () => {
    const ev = new EventFactory('seq-two-firsts', { identity: alice });
    const look1 = ev.event({ time: T0, action: 'Look' });
    const look2 = ev.event({ time: T0 + MIN, action: 'Look' });
    const act = ev.event({ time: T0 + 3 * MIN, action: 'Act' });
    const { ids } = runDetector(twoSteps(), [look1, look2, act]);
    expect(ids.sort()).toEqual([findingId('two-steps', look1.eventId), findingId('two-steps', look2.eventId)].sort());
  });

  it('never fires twice for a redelivered first event, before or after it fired', () => {
    const ev = new EventFactory('seq-redelivery', { identity: alice });
    const look = ev.event({ time: T0, action: 'Look' });
    const act = ev.event({ time: T0 + MIN, action: 'Act' });
    const copy = { ...look, raw: { ...look.raw } };
    expect(runDetector(twoSteps(), [look, copy, act, look, copy], { order: 'given', allowedLateness: 10 * MIN }).findings).toHaveLength(1);
  });

  it('stays exact in a flood of first events from one key, redelivered', () => {
    const ev = new EventFactory('seq-flood', { identity: alice });
    const looks = ev.events(100, (i) => ({ time: T0 + i * 1000, action: 'Look' }));
    const act = ev.event({ time: T0 + 5 * MIN, action: 'Act' });
    const { ids, stateSizeAfter } = runDetector(twoSteps(), [...looks, ...looks, act], { order: 'given', allowedLateness: 10 * MIN });
    expect(ids.sort()).toEqual(looks.map((l) => findingId('two-steps', l.eventId)).sort());
    expect(stateSizeAfter).toBe(0);
  });

  it('evicts first events once the watermark passes t + maxSpan and second events once it passes t', () => {
    const ev = new EventFactory('seq-evict', { identity: alice });
    const detector = twoSteps();
    const findings: Finding[] = [];
    const emit = (f: Finding): void => void findings.push(f);
    detector.onEvent(ev.event({ time: T0, action: 'Look' }), emit);
    detector.onEvent(ev.event({ time: T0 + 20 * MIN, action: 'Act' }), emit);
    expect(detector.stateSize()).toBe(3); // one key, one first, one second
    detector.onWatermark(T0 + 15 * MIN, emit);
    expect(detector.stateSize()).toBe(3);
    detector.onWatermark(T0 + 15 * MIN + 1, emit);
    expect(detector.stateSize()).toBe(2);
    detector.onWatermark(T0 + 20 * MIN, emit);
    expect(detector.stateSize()).toBe(2);
    detector.onWatermark(T0 + 20 * MIN + 1, emit);
    expect(detector.stateSize()).toBe(0);
    expect(findings).toEqual([]);
  });

  it('still matches a second event at exactly t + maxSpan that arrives once the watermark is there', () => {
    const ev = new EventFactory('seq-boundary', { identity: alice });
    const detector = twoSteps();
    const findings: Finding[] = [];
    const emit = (f: Finding): void => void findings.push(f);
    detector.onEvent(ev.event({ time: T0 - 5 * MIN, action: 'Act' }), emit); // queues the key early
    const look = ev.event({ time: T0, action: 'Look' });
    detector.onEvent(look, emit);
    detector.onWatermark(T0 + 15 * MIN, emit); // evicts the early act, must keep the look
    detector.onEvent(ev.event({ time: T0 + 15 * MIN, action: 'Act' }), emit);
    expect(findings.map((f) => f.id)).toEqual([findingId('two-steps', look.eventId)]);
  });

  it('keeps one second-step event per timestamp for a two-step rule, the smallest eventID', () => {
    const ev = new EventFactory('seq-dedupe', { identity: alice });
    const acts = ev.events(50, () => ({ time: T0 + MIN, action: 'Act' }));
    const detector = twoSteps();
    for (const act of acts) detector.onEvent(act, () => {});
    expect(detector.stateSize()).toBe(1 + 2); // key + `steps` (2) events per timestamp
    const findings: Finding[] = [];
    detector.onEvent(ev.event({ time: T0, action: 'Look' }), (f) => findings.push(f));
    const smallest = acts.map((a) => a.eventId).sort()[0];
    expect(findings[0]!.evidence[1]!.eventID).toBe(smallest);
  });

  it('caps entries per key and counts the overflow', () => {
    const telemetry = new CounterSet();
    const ev = new EventFactory('seq-cap', { identity: alice });
    const detector = twoSteps({ maxEntriesPerKey: 3, telemetry, id: 'two-steps/capped' });
    for (let i = 0; i < 5; i++) detector.onEvent(ev.event({ time: T0 + i * 1000, action: 'Look' }), () => {});
    expect(detector.stateSize()).toBe(1 + 3);
    detector.onWatermark(T0, () => {});
    expect(telemetry.total(DETECTION_COUNTERS.overflow, { detector: 'two-steps/capped' })).toBe(2);
  });

  it('chains three steps in order with distinct events, also when one event plays two steps', () => {
    const ev = new EventFactory('seq-three', { identity: alice });
    const three = sequence({
      meta: testMeta('three'),
        by: (e) => e.accessKeyId,
      maxSpan: 10 * MIN,
      steps: [
        { name: 'fail', select: 'all', where: (e) => e.outcome === 'failure' },
        { name: 'fail again', select: 'all', where: (e) => e.outcome === 'failure' },
        { name: 'succeed', select: 'all', where: (e) => e.outcome === 'success' },
      ],
      finding: ({ key, events }) => ({ group: { key }, summary: `${events.length} steps` }),
    });
    const f1 = ev.event({ time: T0, action: 'Login', errorCode: 'Denied' });
    const f2 = ev.event({ time: T0 + MIN, action: 'Login', errorCode: 'Denied' });
    const ok = ev.event({ time: T0 + 2 * MIN, action: 'Login' });
    const late = ev.event({ time: T0 + 11 * MIN, action: 'Login' });
    for (const order of ['sorted', [2, 1, 0, 3], [1, 2, 0, 3]] as const) {
      const { findings } = runDetector(three, [f1, f2, ok, late], { order, allowedLateness: 10 * MIN });
      // f1 → f2 → ok fires; f2 has no second failure after it, so it does not.
      expect(findings.map((f) => f.evidence.map((r) => r.eventID))).toEqual([[f1.eventId, f2.eventId, ok.eventId]]);
    }
  });

  it('rejects fewer than two steps', () => {
    expect(() => twoSteps({ steps: [{ name: 'only', select: 'all', where: () => true }] })).toThrow(RangeError);
  });
});
