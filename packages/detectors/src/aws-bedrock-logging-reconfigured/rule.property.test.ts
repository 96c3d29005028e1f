import { findingId } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { loggingReconfiguredConfigSchema } from './config.ts';
import { loggingReconfiguredFactory } from './factory.ts';

const ID = 'aws-bedrock-logging-reconfigured';
const calls = callsArbitrary({
  actions: ['PutModelInvocationLoggingConfiguration', 'putmodelinvocationloggingconfiguration', 'GetModelInvocationLoggingConfiguration', 'DeleteModelInvocationLoggingConfiguration'],
  errorCodes: ['AccessDenied'],
  failureShare: 0.3,
  seconds: 3600,
  maxLength: 40,
});

describe(`${ID} (property)`, () => {
  it('one finding per Put, any outcome, the same ids under any arrival order within the lateness', () => {
    fc.assert(
      fc.property(calls, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3600 }), (specs, delays, latenessSeconds) => {
        const events = toEvents('lr-property', specs);
        const lateness = latenessSeconds * 1000;
        const expected = events.filter((e) => e.action.toLowerCase() === 'putmodelinvocationloggingconfiguration').map((e) => findingId(ID, e.eventId)).sort();
        const create = () => loggingReconfiguredFactory.create(loggingReconfiguredConfigSchema.parse({}), testContext(ID));
        expect([...runDetector(create(), events).ids].sort()).toEqual(expected);
        expect([...runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness }).ids].sort()).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
