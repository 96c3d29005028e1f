import { findingId, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { loggingCheckConfigSchema } from './config.ts';
import { loggingCheckFactory } from './factory.ts';

const ID = 'aws-bedrock-logging-check-then-invoke';
const MAX_SPAN = 20 * 60_000;
const INVOCATIONS = new Set(['invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream']);

const create = () => loggingCheckFactory.create(loggingCheckConfigSchema.parse({ maxSpan: `${MAX_SPAN}ms` }), testContext(ID));

/** The rule as its README states it, by brute force over every pair. */
function expectedIds(events: readonly TrailEvent[]): string[] {
  const ok = (e: TrailEvent) => e.source === 'bedrock.amazonaws.com' && e.errorCode === undefined && e.accessKeyId !== undefined;
  const checks = events.filter((e) => ok(e) && e.action.toLowerCase() === 'getmodelinvocationloggingconfiguration');
  const invocations = events.filter((e) => ok(e) && INVOCATIONS.has(e.action.toLowerCase()));
  const followed = checks.filter((c) => invocations.some((i) => i.accessKeyId === c.accessKeyId && i.time - c.time >= 0 && i.time - c.time <= MAX_SPAN));
  return [...new Set(followed.map((c) => findingId(ID, c.eventId)))].sort();
}

const calls = callsArbitrary({
  actions: ['GetModelInvocationLoggingConfiguration', 'getModelInvocationLoggingConfiguration', 'InvokeModel', 'Converse', 'ConverseStream', 'ListFoundationModels'],
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
          const events = toEvents('lc-property', specs);
          const lateness = latenessSeconds * 1000;
          const expected = expectedIds(events);
          const disordered = runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness, batchSize });
          expect(disordered.lateEvents).toBe(0);
          expect([...runDetector(create(), events).ids].sort()).toEqual(expected);
          expect([...disordered.ids].sort()).toEqual(expected);
          expect(disordered.stateSizeAfter).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
