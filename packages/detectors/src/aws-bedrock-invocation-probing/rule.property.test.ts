import type { TrailEvent } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { describe, it } from 'vitest';
import { callsArbitrary } from '../testdata/arbitrary-stream.ts';
import { referenceDistinct } from '../testdata/reference-windows.ts';
import { assertWindowedRule } from '../testdata/windowed-property.ts';
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
    assertWindowedRule({ id: ID, create, reference, calls, seed: 'pr-property', maxDelays: 70, maxLatenessSeconds: 20 * 60 });
  });
});
