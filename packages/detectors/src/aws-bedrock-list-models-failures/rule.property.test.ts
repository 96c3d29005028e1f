import type { Finding, TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callsArbitrary, toEvents } from '../testdata/arbitrary-stream.ts';
import { referenceThreshold } from '../testdata/reference-windows.ts';
import { assertWindowedRule } from '../testdata/windowed-property.ts';
import { listModelsFailuresConfigSchema } from './config.ts';
import { listModelsFailuresFactory } from './factory.ts';
import { listModelsFailuresGroupBy } from './rule.ts';

const ID = 'aws-bedrock-list-models-failures';
const WINDOW = 10 * 60_000;
const THRESHOLD = 3;
const CODES = new Set(['accessdenied', 'accessdeniedexception']);

const create = () => listModelsFailuresFactory.create(listModelsFailuresConfigSchema.parse({ window: '10m', threshold: THRESHOLD }), testContext(ID));
const groupOf = (e: TrailEvent) => Object.values(listModelsFailuresGroupBy).map((read) => read(e) ?? 'unknown').join('|');

/** Rule C as its README states it, read literally, on the time-sorted events: the reference the detector must match. */
const reference = (events: readonly TrailEvent[]) =>
  referenceThreshold(events, {
    counts: (e) => e.source === 'bedrock.amazonaws.com' && e.action === 'ListFoundationModels' && CODES.has((e.errorCode ?? '').toLowerCase()),
    group: groupOf,
    threshold: THRESHOLD,
    window: WINDOW,
  });

const calls = callsArbitrary({
  actions: ['ListFoundationModels', 'ListFoundationModels', 'ListFoundationModels', 'InvokeModel'],
  errorCodes: ['AccessDenied', 'AccessDeniedException', 'ThrottlingException'],
  failureShare: 0.85,
  seconds: 40 * 60,
  maxLength: 80,
  identities: 2,
  sourceIps: ['198.51.100.7'],
  userAgents: ['Boto3/1.34.0', null],
});

describe(`${ID} (property)`, () => {
  it('equals the time-sorted semantics on sorted input and fires for a superset of its groups under disorder', () => {
    const findingGroup = (f: Finding) => Object.values(f.group).join('|');
    assertWindowedRule({ id: ID, create, reference, calls, seed: 'c-property', maxDelays: 80, maxLatenessSeconds: 30 * 60, findingGroup });
  });

  it('gives the same ids when the same events are replayed', () => {
    fc.assert(
      fc.property(calls, (specs) => {
        const events = toEvents('c-replay', specs);
        const detector = create();
        const first = runDetector(detector, events, { order: 'shuffled', seed: 3, allowedLateness: 15 * 60_000 });
        const again = runDetector(detector, events, { order: 'shuffled', seed: 3, allowedLateness: 15 * 60_000 });
        expect(again.ids).toEqual(first.ids);
        expect(runDetector(create(), events, { order: 'shuffled', seed: 3, allowedLateness: 15 * 60_000 }).ids).toEqual(first.ids);
        expect(again.stateSizeAfter).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
