import { findingId } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { modelAccessConfigSchema } from './config.ts';
import { modelAccessFactory } from './factory.ts';

const ID = 'aws-bedrock-model-access-long-term-key';
const ACTIONS = new Set(['getfoundationmodelavailability', 'getusecaseformodelaccess', 'putusecaseformodelaccess', 'createfoundationmodelagreement', 'putfoundationmodelentitlement']);

const calls = callsArbitrary({
  actions: ['GetFoundationModelAvailability', 'putUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'PutFoundationModelEntitlement', 'GetUseCaseForModelAccess', 'ListFoundationModels', 'InvokeModel'],
  errorCodes: ['AccessDenied', 'ValidationException'],
  failureShare: 0.3,
  seconds: 3600,
  maxLength: 40,
});

describe(`${ID} (property)`, () => {
  it('one finding per model-access call by an AKIA key, the same ids under any arrival order within the lateness', () => {
    fc.assert(
      fc.property(calls, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3600 }), (specs, delays, latenessSeconds) => {
        const events = toEvents('ma-property', specs);
        const lateness = latenessSeconds * 1000;
        const expected = events
          .filter((e) => ACTIONS.has(e.action.toLowerCase()) && e.accessKeyId?.startsWith('AKIA') === true)
          .map((e) => findingId(ID, e.eventId))
          .sort();
        const create = () => modelAccessFactory.create(modelAccessConfigSchema.parse({}), testContext(ID));
        expect([...runDetector(create(), events).ids].sort()).toEqual(expected);
        expect([...runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness }).ids].sort()).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
