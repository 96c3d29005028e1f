import { findingId, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalWithin, callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { referenceThreshold } from '../testdata/reference-windows.ts';
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
    fc.assert(
      fc.property(
        calls,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 30 * 60 }),
        fc.integer({ min: 1, max: 16 }),
        (specs, delays, latenessSeconds, batchSize) => {
          const events = toEvents('ib-property', specs);
          const lateness = latenessSeconds * 1000;
          const expected = reference(events);
          expect(runDetector(create(), events).ids).toEqual(expected.anchors.map((anchor) => findingId(ID, anchor)));
          const disordered = runDetector(create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness, batchSize });
          expect(disordered.lateEvents).toBe(0);
          const fired = new Set(disordered.findings.map((f) => `${f.group['principalArn']}|${f.group['modelId']}`));
          for (const group of expected.groups) expect(fired).toContain(group);
          expect(disordered.stateSizeAfter).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
