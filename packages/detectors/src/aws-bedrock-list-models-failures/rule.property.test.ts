import { compareEventTime, findingId, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { listModelsFailuresConfigSchema } from './config.ts';
import { listModelsFailuresFactory } from './factory.ts';
import { listModelsFailuresGroupBy } from './rule.ts';

const ID = 'aws-bedrock-list-models-failures';
const WINDOW = 10 * 60_000;
const THRESHOLD = 3;
const CODES = new Set(['accessdenied', 'accessdeniedexception']);

const create = () => listModelsFailuresFactory.create(listModelsFailuresConfigSchema.parse({ window: '10m', threshold: THRESHOLD }), testContext(ID));
const groupOf = (e: TrailEvent) => Object.values(listModelsFailuresGroupBy).map((read) => read(e) ?? 'unknown').join('|');

/** Rule C as its README states it, read literally, on the time-sorted events: the reference the detector must match. */
function reference(events: readonly TrailEvent[]): { ids: string[]; groups: Set<string> } {
  const counted = events.filter((e) => e.source === 'bedrock.amazonaws.com' && e.action === 'ListFoundationModels' && CODES.has((e.errorCode ?? '').toLowerCase()));
  const sorted = [...new Map(counted.map((e) => [e.eventId, e])).values()].sort(compareEventTime);
  const state = new Map<string, { rearmAt: number; seen: TrailEvent[] }>();
  const ids: string[] = [];
  const groups = new Set<string>();
  for (const event of sorted) {
    const group = groupOf(event);
    const s = state.get(group) ?? { rearmAt: -Infinity, seen: [] };
    state.set(group, s);
    if (event.time < s.rearmAt) continue;
    s.seen.push(event);
    if (s.seen.filter((e) => e.time >= event.time - WINDOW).length > THRESHOLD) {
      ids.push(findingId(ID, event.eventId));
      groups.add(group);
      s.rearmAt = event.time + WINDOW;
      s.seen = [];
    }
  }
  return { ids, groups };
}

const calls = callsArbitrary({
  actions: ['ListFoundationModels', 'ListFoundationModels', 'ListFoundationModels', 'InvokeModel'],
  errorCodes: ['AccessDenied', 'AccessDeniedException', 'ThrottlingException'],
  failureShare: 0.85,
  seconds: 40 * 60,
  maxLength: 80,
  identities: 2,
  sourceIps: ['198.51.100.7'],
  userAgents: ['Boto3/1.34.0', null],
});

describe(`${ID} (property)`, () => {
  it('equals the time-sorted semantics on sorted input and fires for a superset of its groups under disorder', () => {
    fc.assert(
      fc.property(
        calls,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 30 * 60 }),
        fc.integer({ min: 1, max: 16 }),
        (specs, delays, latenessSeconds, batchSize) => {
          const events = toEvents('c-property', specs);
          const lateness = latenessSeconds * 1000;
          const expected = reference(events);
          const sorted = runDetector(create(), events);
          expect(sorted.ids).toEqual(expected.ids);
          const disordered = runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness, batchSize });
          expect(disordered.lateEvents).toBe(0);
          const fired = new Set(disordered.findings.map((f) => Object.values(f.group).join('|')));
          for (const group of expected.groups) expect(fired).toContain(group);
          expect(disordered.stateSizeAfter).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same ids when the same events are replayed', () => {
    fc.assert(
      fc.property(calls, (specs) => {
        const events = toEvents('c-replay', specs);
        const detector = create();
        const first = runDetector(detector, events, { order: 'shuffled', seed: 3, allowedLateness: 15 * 60_000 });
        const again = runDetector(detector, events, { order: 'shuffled', seed: 3, allowedLateness: 15 * 60_000 });
        expect(again.ids).toEqual(first.ids);
        expect(runDetector(create(), events, { order: 'shuffled', seed: 3, allowedLateness: 15 * 60_000 }).ids).toEqual(first.ids);
        expect(again.stateSizeAfter).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
