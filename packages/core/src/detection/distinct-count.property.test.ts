import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../event/trail-event.ts';
import { findingId } from '../finding/finding-id.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { iamUser } from '../testing/identities.ts';
import { runDetector } from '../testing/run-detector.ts';
import { distinctCount } from './distinct-count.ts';
import { compareEventTime } from './event-order.ts';
import { testMeta } from './testdata/test-meta.ts';

const T0 = Date.parse('2025-03-01T00:00:00Z');
const WINDOW = 10 * 60_000;
const KEYS = [iamUser({ userName: 'alice' }), iamUser({ userName: 'bob' })];

const detector = (atLeast: number) =>
  distinctCount({
    meta: testMeta('dc'),
    select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] },
    where: (e) => e.outcome === 'success',
    groupBy: { key: (e) => e.accessKeyId },
    distinct: (e) => e.region,
    atLeast,
    window: WINDOW,
    finding: () => ({ summary: 'regions' }),
  });

/** The semantics read literally, on the time-sorted events: the reference the detector must match. */
function reference(events: readonly TrailEvent[], atLeast: number): { ids: string[]; groups: Set<string> } {
  const counted = events.filter((e) => e.action === 'InvokeModel' && e.outcome === 'success' && e.region !== undefined);
  const sorted = [...new Map(counted.map((e) => [e.eventId, e])).values()].sort(compareEventTime);
  const state = new Map<string, { rearmAt: number; seen: TrailEvent[] }>();
  const ids: string[] = [];
  const groups = new Set<string>();
  for (const event of sorted) {
    const group = event.accessKeyId ?? 'unknown';
    const s = state.get(group) ?? { rearmAt: -Infinity, seen: [] };
    state.set(group, s);
    if (event.time < s.rearmAt) continue;
    s.seen.push(event);
    const values = new Set(s.seen.filter((e) => e.time >= event.time - WINDOW).map((e) => e.region));
    if (values.size >= atLeast) {
      ids.push(findingId('dc', event.eventId));
      groups.add(group);
      s.rearmAt = event.time + WINDOW;
      s.seen = [];
    }
  }
  return { ids, groups };
}

const call = fc.record({
  second: fc.integer({ min: 0, max: 40 * 60 }),
  key: fc.integer({ min: 0, max: KEYS.length - 1 }),
  region: fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1', 'ap-south-1', 'eu-central-1'),
  action: fc.constantFrom('InvokeModel', 'InvokeModel', 'InvokeModel', 'Converse'),
  failed: fc.boolean(),
  repeat: fc.boolean(),
});

type Call = { second: number; key: number; region: string; action: string; failed: boolean; repeat: boolean };

function toEvents(seed: string, calls: readonly Call[]): TrailEvent[] {
  const factories = KEYS.map((identity, i) => new EventFactory(`${seed}-${i}`, { identity }));
  const events: TrailEvent[] = [];
  for (const c of calls) {
    // Coarse times make same-second ties common.
    const time = T0 + Math.floor(c.second / 30) * 30_000;
    const event = factories[c.key]!.event({ time, action: c.action, source: 'bedrock.amazonaws.com', region: c.region, ...(c.failed && c.second % 3 === 0 ? { errorCode: 'ValidationException' } : {}) });
    events.push(event);
    if (c.repeat) events.push(event); // a redelivery
  }
  return events;
}

describe('distinctCount (property)', () => {
  it('equals the time-sorted semantics on sorted input, fires for a superset of its groups under disorder, and empties its state', () => {
    fc.assert(
      fc.property(
        fc.array(call, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 20 * 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 16 }),
        (calls, atLeast, latenessSeconds, seed, batchSize) => {
          const events = toEvents('dc-property', calls);
          const expected = reference(events, atLeast);
          const sorted = runDetector(detector(atLeast), events);
          expect(sorted.ids).toEqual(expected.ids);
          expect(sorted.stateSizeAfter).toBe(0);
          const lateness = latenessSeconds * 1000;
          const shuffled = runDetector(detector(atLeast), events, { order: 'shuffled', seed, allowedLateness: lateness, batchSize });
          const fired = new Set(shuffled.findings.map((f) => f.group['key']));
          for (const group of expected.groups) expect(fired).toContain(group);
          expect(shuffled.stateSizeAfter).toBe(0);
          // Replaying the same arrival gives the same ids.
          expect(runDetector(detector(atLeast), events, { order: 'shuffled', seed, allowedLateness: lateness, batchSize }).ids).toEqual(shuffled.ids);
        },
      ),
      { numRuns: 400 },
    );
  });
});
