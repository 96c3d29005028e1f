import type { TrailEvent } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { describe, it } from 'vitest';
import { callsArbitrary } from '../testdata/arbitrary-stream.ts';
import { referenceDistinct } from '../testdata/reference-windows.ts';
import { assertWindowedRule } from '../testdata/windowed-property.ts';
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
    assertWindowedRule({ id: ID, create, reference, calls, seed: 'mr-property', maxDelays: 70, maxLatenessSeconds: 30 * 60 });
  });
});
