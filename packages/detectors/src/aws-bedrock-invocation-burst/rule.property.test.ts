import type { Finding, TrailEvent } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { describe, it } from 'vitest';
import { callsArbitrary } from '../testdata/arbitrary-stream.ts';
import { referenceThreshold } from '../testdata/reference-windows.ts';
import { assertWindowedRule } from '../testdata/windowed-property.ts';
import { invocationBurstConfigSchema } from './config.ts';
import { invocationBurstFactory } from './factory.ts';

const ID = 'aws-bedrock-invocation-burst';
const WINDOW = 10 * 60_000;
const THRESHOLD = 4;
const INVOCATIONS = new Set(['invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream']);
const modelOf = (e: TrailEvent) => e.raw.requestParameters?.['modelId'] as string | undefined;

const create = () => invocationBurstFactory.create(invocationBurstConfigSchema.parse({ window: `${WINDOW}ms`, threshold: THRESHOLD }), testContext(ID));

/** The rule as its README states it, read literally on the time-sorted events. */
const reference = (events: readonly TrailEvent[]) =>
  referenceThreshold(events, {
    counts: (e) => e.source === 'bedrock.amazonaws.com' && INVOCATIONS.has(e.action.toLowerCase()) && e.errorCode === undefined && e.principalArn !== undefined && modelOf(e) !== undefined,
    group: (e) => `${e.principalArn}|${modelOf(e)}`,
    threshold: THRESHOLD,
    window: WINDOW,
  });

const calls = callsArbitrary({
  actions: ['InvokeModel', 'converse', 'InvokeModelWithResponseStream', 'ListFoundationModels'],
  errorCodes: ['ThrottlingException'],
  failureShare: 0.15,
  seconds: 40 * 60,
  maxLength: 80,
  identities: 2,
  modelIds: ['anthropic.claude-3-sonnet-20240229-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0'],
});

describe(`${ID} (property)`, () => {
  it('equals the time-sorted semantics on sorted input and never misses a firing group under disorder within the lateness', () => {
    const findingGroup = (f: Finding) => `${f.group['principalArn']}|${f.group['modelId']}`;
    assertWindowedRule({ id: ID, create, reference, calls, seed: 'ib-property', maxDelays: 80, maxLatenessSeconds: 30 * 60, findingGroup });
  });
});
