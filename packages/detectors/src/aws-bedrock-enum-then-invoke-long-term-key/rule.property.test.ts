import type { TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invokedWithKey, succeededWithKey } from '../testdata/bedrock-calls.ts';
import { callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { assertSequenceRule, referenceSequence } from '../testdata/sequence-property.ts';
import { enumThenInvokeConfigSchema } from './config.ts';
import { enumThenInvokeFactory } from './factory.ts';

const ID = 'aws-bedrock-enum-then-invoke-long-term-key';
const MAX_SPAN = 15 * 60_000;

const create = () => enumThenInvokeFactory.create(enumThenInvokeConfigSchema.parse({}), testContext(ID));

/** Rule A as its README states it, read literally, by brute force over every pair. */
const expectedIds = (events: readonly TrailEvent[]): string[] =>
  referenceSequence(ID, events, {
    first: (e) => succeededWithKey(e) && e.accessKeyId!.startsWith('AKIA') && e.action.toLowerCase() === 'listfoundationmodels',
    then: invokedWithKey,
    key: (e) => e.accessKeyId,
    maxSpan: MAX_SPAN,
  });

const calls = callsArbitrary({
  actions: ['ListFoundationModels', 'ListFoundationModels', 'InvokeModel', 'Converse', 'converseStream', 'GetFoundationModelAvailability'],
  errorCodes: ['AccessDenied', 'ValidationException'],
  failureShare: 0.2,
  seconds: 3600,
  maxLength: 50,
});

describe(`${ID} (property)`, () => {
  it('finds exactly the sequences of the time-sorted semantics under any arrival order within the lateness', () => {
    assertSequenceRule({ create, expectedIds, calls, seed: 'a-property', maxDelays: 60, maxLatenessSeconds: 40 * 60 });
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
