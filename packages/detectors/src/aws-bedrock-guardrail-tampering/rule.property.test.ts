import { findingId } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { guardrailTamperingConfigSchema } from './config.ts';
import { guardrailTamperingFactory } from './factory.ts';

const ID = 'aws-bedrock-guardrail-tampering';
const calls = callsArbitrary({
  actions: ['DeleteGuardrail', 'UpdateGuardrail', 'updateguardrail', 'CreateGuardrail', 'ApplyGuardrail'],
  errorCodes: ['AccessDenied', 'ConflictException'],
  failureShare: 0.3,
  seconds: 3600,
  maxLength: 40,
});

describe(`${ID} (property)`, () => {
  it('one finding per successful delete or update, the same ids under any arrival order within the lateness', () => {
    fc.assert(
      fc.property(calls, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3600 }), (specs, delays, latenessSeconds) => {
        const events = toEvents('gt-property', specs);
        const lateness = latenessSeconds * 1000;
        const expected = events
          .filter((e) => ['deleteguardrail', 'updateguardrail'].includes(e.action.toLowerCase()) && e.errorCode === undefined)
          .map((e) => findingId(ID, e.eventId))
          .sort();
        const create = () => guardrailTamperingFactory.create(guardrailTamperingConfigSchema.parse({}), testContext(ID));
        expect([...runDetector(create(), events).ids].sort()).toEqual(expected);
        expect([...runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness }).ids].sort()).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
