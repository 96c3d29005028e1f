import type { TrailEvent } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { describe, it } from 'vitest';
import { invokedWithKey, succeededWithKey } from '../testdata/bedrock-calls.ts';
import { callsArbitrary } from '../testdata/arbitrary-stream.ts';
import { assertSequenceRule, referenceSequence } from '../testdata/sequence-property.ts';
import { loggingCheckConfigSchema } from './config.ts';
import { loggingCheckFactory } from './factory.ts';

const ID = 'aws-bedrock-logging-check-then-invoke';
const MAX_SPAN = 20 * 60_000;

const create = () => loggingCheckFactory.create(loggingCheckConfigSchema.parse({ maxSpan: `${MAX_SPAN}ms` }), testContext(ID));

/** The rule as its README states it, by brute force over every pair. */
const expectedIds = (events: readonly TrailEvent[]): string[] =>
  referenceSequence(ID, events, {
    first: (e) => succeededWithKey(e) && e.action.toLowerCase() === 'getmodelinvocationloggingconfiguration',
    then: invokedWithKey,
    key: (e) => e.accessKeyId,
    maxSpan: MAX_SPAN,
  });

const calls = callsArbitrary({
  actions: ['GetModelInvocationLoggingConfiguration', 'getModelInvocationLoggingConfiguration', 'InvokeModel', 'Converse', 'ConverseStream', 'ListFoundationModels'],
  errorCodes: ['AccessDenied', 'ValidationException'],
  failureShare: 0.2,
  seconds: 3600,
  maxLength: 50,
});

describe(`${ID} (property)`, () => {
  it('finds exactly the sequences of the time-sorted semantics under any arrival order within the lateness', () => {
    assertSequenceRule({ create, expectedIds, calls, seed: 'lc-property', maxDelays: 60, maxLatenessSeconds: 40 * 60 });
  });
});
