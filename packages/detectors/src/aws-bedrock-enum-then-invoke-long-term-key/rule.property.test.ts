import { findingId, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { enumThenInvokeConfigSchema } from './config.ts';
import { enumThenInvokeFactory } from './factory.ts';

const ID = 'aws-bedrock-enum-then-invoke-long-term-key';
const MAX_SPAN = 15 * 60_000;
const INVOCATIONS = new Set(['invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream']);

const create = () => enumThenInvokeFactory.create(enumThenInvokeConfigSchema.parse({}), testContext(ID));

/** Rule A as its README states it, read literally, by brute force over every pair. */
function expectedIds(events: readonly TrailEvent[]): string[] {
  const ok = (e: TrailEvent) => e.source === 'bedrock.amazonaws.com' && e.errorCode === undefined && e.accessKeyId !== undefined;
  const firsts = events.filter((e) => ok(e) && e.accessKeyId!.startsWith('AKIA') && e.action.toLowerCase() === 'listfoundationmodels');
  const seconds = events.filter((e) => ok(e) && INVOCATIONS.has(e.action.toLowerCase()));
  const followed = firsts.filter((f) => seconds.some((s) => s.accessKeyId === f.accessKeyId && s.time - f.time >= 0 && s.time - f.time <= MAX_SPAN));
  return [...new Set(followed.map((f) => findingId(ID, f.eventId)))].sort();
}

const calls = callsArbitrary({
  actions: ['ListFoundationModels', 'ListFoundationModels', 'InvokeModel', 'Converse', 'converseStream', 'GetFoundationModelAvailability'],
  errorCodes: ['AccessDenied', 'ValidationException'],
  failureShare: 0.2,
  seconds: 3600,
  maxLength: 50,
});

describe(`${ID} (property)`, () => {
  it('finds exactly the sequences of the time-sorted semantics under any arrival order within the lateness', () => {
    fc.assert(
      fc.property(
        calls,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 40 * 60 }),
        fc.integer({ min: 1, max: 16 }),
        (specs, delays, latenessSeconds, batchSize) => {
          const events = toEvents('a-property', specs);
          const lateness = latenessSeconds * 1000;
          const expected = expectedIds(events);
          const sorted = runDetector(create(), events);
          const disordered = runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness, batchSize });
          expect(disordered.lateEvents).toBe(0);
          expect([...sorted.ids].sort()).toEqual(expected);
          expect([...disordered.ids].sort()).toEqual(expected);
          expect(new Set(disordered.ids).size).toBe(disordered.ids.length);
          expect(disordered.stateSizeAfter).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same ids when the same events are replayed, also into the same detector after flush', () => {
    fc.assert(
      fc.property(calls, (specs) => {
        const events = toEvents('a-replay', specs);
        const detector = create();
        const first = runDetector(detector, events);
        const again = runDetector(detector, events);
        const fresh = runDetector(create(), events);
        expect(again.ids).toEqual(first.ids);
        expect(fresh.ids).toEqual(first.ids);
        expect(first.stateSizeAfter).toBe(0);
        expect(again.stateSizeAfter).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
