import { findingId, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { referenceDistinct } from '../testdata/reference-windows.ts';
import { invocationProbingConfigSchema } from './config.ts';
import { invocationProbingFactory } from './factory.ts';

const ID = 'aws-bedrock-invocation-probing';
const WINDOW = 5 * 60_000;
const INVOCATIONS = new Set(['invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream']);

const create = () => invocationProbingFactory.create(invocationProbingConfigSchema.parse({ window: `${WINDOW}ms` }), testContext(ID));

/** The rule as its README states it, read literally on the time-sorted events. */
const reference = (events: readonly TrailEvent[]) =>
  referenceDistinct(events, {
    counts: (e) => e.source === 'bedrock.amazonaws.com' && INVOCATIONS.has(e.action.toLowerCase()) && e.errorCode?.toLowerCase() === 'validationexception' && e.accessKeyId !== undefined,
    group: (e) => e.accessKeyId!,
    value: (e) => e.raw.requestParameters?.['modelId'] as string | undefined,
    atLeast: 3,
    window: WINDOW,
  });

const calls = callsArbitrary({
  actions: ['InvokeModel', 'Converse', 'invokeModelWithResponseStream', 'ListFoundationModels'],
  errorCodes: ['ValidationException', 'validationException', 'AccessDenied'],
  failureShare: 0.8,
  seconds: 30 * 60,
  maxLength: 70,
  identities: 3,
  modelIds: ['anthropic.claude-v2', 'anthropic.claude-3-haiku-20240307-v1:0', 'meta.llama3-70b-instruct-v1:0', 'amazon.titan-text-express-v1'],
});

describe(`${ID} (property)`, () => {
  it('equals the time-sorted semantics on sorted input and never misses a firing key under disorder within the lateness', () => {
    fc.assert(
      fc.property(
        calls,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 70 }),
        fc.integer({ min: 0, max: 20 * 60 }),
        fc.integer({ min: 1, max: 16 }),
        (specs, delays, latenessSeconds, batchSize) => {
          const events = toEvents('pr-property', specs);
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
