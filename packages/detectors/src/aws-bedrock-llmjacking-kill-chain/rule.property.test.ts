import { type Detector, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumThenInvokeConfigSchema } from '../aws-bedrock-enum-then-invoke-long-term-key/config.ts';
import { enumThenInvokeFactory } from '../aws-bedrock-enum-then-invoke-long-term-key/factory.ts';
import { loggingCheckConfigSchema } from '../aws-bedrock-logging-check-then-invoke/config.ts';
import { loggingCheckFactory } from '../aws-bedrock-logging-check-then-invoke/factory.ts';
import { modelAccessConfigSchema } from '../aws-bedrock-model-access-long-term-key/config.ts';
import { modelAccessFactory } from '../aws-bedrock-model-access-long-term-key/factory.ts';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { referenceDistinct } from '../testdata/reference-windows.ts';
import { assertWindowedRule } from '../testdata/windowed-property.ts';
import { killChainConfigSchema } from './config.ts';
import { killChainFactory } from './factory.ts';

const ID = 'aws-bedrock-llmjacking-kill-chain';
const WINDOW = 30 * 60_000;
const STAGES: Record<string, string> = {
  listfoundationmodels: 'discovery',
  getfoundationmodelavailability: 'discovery',
  listfoundationmodelagreementoffers: 'discovery',
  listinferenceprofiles: 'discovery',
  getmodelinvocationloggingconfiguration: 'logging check',
  putusecaseformodelaccess: 'enablement',
  createfoundationmodelagreement: 'enablement',
  putfoundationmodelentitlement: 'enablement',
};
const INVOCATIONS = new Set(['invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream']);

/** The stage of an event as the README states it. */
function stage(e: TrailEvent): string | undefined {
  const action = e.action.toLowerCase();
  if (INVOCATIONS.has(action)) return e.errorCode === undefined ? 'invocation' : undefined;
  return STAGES[action];
}

const create = () => killChainFactory.create(killChainConfigSchema.parse({ window: `${WINDOW}ms` }), testContext(ID));
const reference = (events: readonly TrailEvent[]) =>
  referenceDistinct(events, { counts: (e) => e.source === 'bedrock.amazonaws.com' && e.accessKeyId !== undefined, group: (e) => e.accessKeyId!, value: stage, atLeast: 3, window: WINDOW });

const calls = callsArbitrary({
  actions: ['ListFoundationModels', 'getFoundationModelAvailability', 'ListInferenceProfiles', 'GetModelInvocationLoggingConfiguration', 'PutUseCaseForModelAccess', 'PutFoundationModelEntitlement', 'InvokeModel', 'Converse', 'GetUseCaseForModelAccess'],
  errorCodes: ['AccessDenied', 'ValidationException'],
  failureShare: 0.25,
  seconds: 60 * 60,
  maxLength: 60,
});

describe(`${ID} (property)`, () => {
  it('equals the time-sorted semantics on sorted input and never misses a firing key under disorder within the lateness', () => {
    assertWindowedRule({ id: ID, create, reference, calls, seed: 'kc-property', maxDelays: 60, maxLatenessSeconds: 30 * 60 });
  });

  it('links only findings that the linked rules really make on the same events, in any arrival order', () => {
    fc.assert(
      fc.property(calls, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 30 * 60 }), (specs, delays, latenessSeconds) => {
        const events = toEvents('kc-links', specs);
        const lateness = latenessSeconds * 1000;
        const linked: Detector[] = [
          enumThenInvokeFactory.create(enumThenInvokeConfigSchema.parse({}), testContext('aws-bedrock-enum-then-invoke-long-term-key')),
          loggingCheckFactory.create(loggingCheckConfigSchema.parse({}), testContext('aws-bedrock-logging-check-then-invoke')),
          modelAccessFactory.create(modelAccessConfigSchema.parse({}), testContext('aws-bedrock-model-access-long-term-key')),
        ];
        const made = new Set(linked.flatMap((detector) => runDetector(detector, events).ids));
        const chains = runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness }).findings;
        for (const chain of chains) {
          for (const id of chain.details!['subsumedFindingIds'] as string[]) expect(made).toContain(id);
        }
      }),
      { numRuns: 200 },
    );
  });
});
