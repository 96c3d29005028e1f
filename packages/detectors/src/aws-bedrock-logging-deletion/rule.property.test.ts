import { findingId } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonAdminDeletionConfigSchema } from '../aws-bedrock-logging-deletion-non-admin/config.ts';
import { nonAdminDeletionFactory } from '../aws-bedrock-logging-deletion-non-admin/factory.ts';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { loggingDeletionConfigSchema } from './config.ts';
import { loggingDeletionFactory } from './factory.ts';

const calls = callsArbitrary({
  actions: ['DeleteModelInvocationLoggingConfiguration', 'PutModelInvocationLoggingConfiguration', 'ListFoundationModels'],
  errorCodes: ['AccessDenied'],
  failureShare: 0.3,
  seconds: 3600,
  maxLength: 40,
});

const variants = [
  { id: 'aws-bedrock-logging-deletion', create: () => loggingDeletionFactory.create(loggingDeletionConfigSchema.parse({}), testContext('aws-bedrock-logging-deletion')) },
  {
    id: 'aws-bedrock-logging-deletion-non-admin',
    create: () => nonAdminDeletionFactory.create(nonAdminDeletionConfigSchema.parse({ admins: ['arn:aws:iam::*:user/trent'] }), testContext('aws-bedrock-logging-deletion-non-admin')),
  },
];

describe('aws-bedrock-logging-deletion (property)', () => {
  for (const variant of variants) {
    it(`${variant.id}: one finding per deletion, the same ids under any arrival order within the lateness`, () => {
      fc.assert(
        fc.property(calls, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3600 }), (specs, delays, latenessSeconds) => {
          const events = toEvents(`b-property-${variant.id}`, specs);
          const lateness = latenessSeconds * 1000;
          const expected = events
            .filter((e) => e.action === 'DeleteModelInvocationLoggingConfiguration')
            .filter((e) => variant.id === 'aws-bedrock-logging-deletion' || e.principalArn !== 'arn:aws:iam::123456789012:user/trent')
            .map((e) => findingId(variant.id, e.eventId))
            .sort();
          const disordered = runDetector(variant.create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness });
          expect([...runDetector(variant.create(), events).ids].sort()).toEqual(expected);
          expect([...disordered.ids].sort()).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    });
  }
});
