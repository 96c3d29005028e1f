import { findingId, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { referenceDistinct } from '../testdata/reference-windows.ts';
import { multiRegionConfigSchema } from './config.ts';
import { multiRegionFactory } from './factory.ts';

const ID = 'aws-bedrock-multi-region-invocation';
const WINDOW = 10 * 60_000;
const INVOCATIONS = new Set(['invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream']);

const create = () => multiRegionFactory.create(multiRegionConfigSchema.parse({ window: `${WINDOW}ms` }), testContext(ID));

/** The rule as its README states it, read literally on the time-sorted events. */
const reference = (events: readonly TrailEvent[]) =>
  referenceDistinct(events, {
    counts: (e) => e.source === 'bedrock.amazonaws.com' && INVOCATIONS.has(e.action.toLowerCase()) && e.errorCode === undefined && e.accessKeyId !== undefined,
    group: (e) => e.accessKeyId!,
    value: (e) => e.region,
    atLeast: 3,
    window: WINDOW,
  });

const calls = callsArbitrary({
  actions: ['InvokeModel', 'converse', 'InvokeModelWithResponseStream', 'ListFoundationModels'],
  errorCodes: ['AccessDenied', 'ValidationException'],
  failureShare: 0.2,
  seconds: 40 * 60,
  maxLength: 70,
  identities: 3,
  regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'],
});

describe(`${ID} (property)`, () => {
  it('equals the time-sorted semantics on sorted input and never misses a firing key under disorder within the lateness', () => {
    fc.assert(
      fc.property(
        calls,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 70 }),
        fc.integer({ min: 0, max: 30 * 60 }),
        fc.integer({ min: 1, max: 16 }),
        (specs, delays, latenessSeconds, batchSize) => {
          const events = toEvents('mr-property', specs);
          const lateness = latenessSeconds * 1000;
          const expected = reference(events);
          expect(runDetector(create(), events).ids).toEqual(expected.anchors.map((anchor) => findingId(ID, anchor)));
          const disordered = runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness, batchSize });
          expect(disordered.lateEvents).toBe(0);
          const fired = new Set(disordered.findings.map((f) => f.group['accessKeyId']));
          for (const key of expected.groups) expect(fired).toContain(key);
          expect(disordered.stateSizeAfter).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
