import { CounterSet, DETECTION_COUNTERS, detectorPolicySchema, findingId, withPolicy, type TrailEvent } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, iamUserConsoleSession, runDetector, testContext, type TestIdentity } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { invocationProbingConfigSchema } from './config.ts';
import { invocationProbingFactory } from './factory.ts';
import { invocationProbingRule } from './rule.ts';

const T0 = Date.parse('2024-05-06T10:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const ID = 'aws-bedrock-invocation-probing';
const MODELS = ['anthropic.claude-v2', 'anthropic.claude-3-sonnet-20240229-v1:0', 'meta.llama3-70b-instruct-v1:0', 'mistral.mistral-large-2402-v1:0'];
const checker = iamUser({ userName: 'svc-backup' });

const detector = (options: Record<string, unknown> = {}, id = ID) => invocationProbingFactory.create(invocationProbingConfigSchema.parse(options), testContext(id));

/** One refused invocation per entry: [seconds after T0, model index, extra]. */
function probes(seed: string, calls: readonly [number, number, object?][], identity: TestIdentity = checker): TrailEvent[] {
  const ev = new EventFactory(seed, { identity });
  return calls.map(([second, model, extra]) => ev.event({ time: T0 + second * SEC, action: 'InvokeModel', modelId: MODELS[model]!, errorCode: 'ValidationException', ...extra }));
}

describe(ID, () => {
  it('fires on the refused invocation that brings the third distinct model, with one probe per model as evidence', () => {
    const events = probes('pr-basic', [[0, 0], [20, 0], [40, 1], [75, 2], [90, 3]]);
    const { findings, stateSizeAfter } = runDetector(detector({}, `${ID}/prod`), events);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: findingId(`${ID}/prod`, events[3]!.eventId),
      severity: 'medium',
      riskScore: 47,
      firstTime: new Date(T0).toISOString(),
      time: new Date(T0 + 75 * SEC).toISOString(),
      group: { accessKeyId: checker.userIdentity.accessKeyId, userName: 'svc-backup', account: '123456789012' },
      evidence: [events[0]!.raw, events[2]!.raw, events[3]!.raw],
      details: { modelIds: MODELS.slice(0, 3), errorCodes: ['ValidationException'], minModels: 3, windowSeconds: 600 },
    });
    expect(findings[0]!.summary).toBe(
      `Key ${checker.userIdentity.accessKeyId} (svc-backup) had invocations of 3 different Bedrock models refused with ValidationException within 1m 15s from 198.51.100.7: ${MODELS.slice(0, 3).join(', ')}`,
    );
    expect(stateSizeAfter).toBe(0);
  });

  it('needs three distinct models: two never fire however often they are probed', () => {
    const events = probes('pr-two', Array.from({ length: 30 }, (_, i) => [i * 10, i % 2] as [number, number]));
    expect(runDetector(detector(), events).findings).toEqual([]);
  });

  it('includes both ends of the 10-minute window: 10:00 apart fires, 10:01 does not, in any arrival order', () => {
    for (const [last, expected] of [[600, 1], [601, 0]] as const) {
      const events = probes(`pr-edge-${last}`, [[0, 0], [300, 1], [last, 2]]);
      expect(runDetector(detector(), events).findings).toHaveLength(expected);
      for (const order of [[2, 1, 0], [1, 2, 0], [0, 2, 1]]) {
        expect(runDetector(detector(), events, { order, allowedLateness: 15 * MIN }).findings).toHaveLength(expected);
      }
    }
  });

  it('counts three models probed in the same second, anchored on the one with the largest eventID', () => {
    const events = probes('pr-same-second', [[0, 0], [0, 1], [0, 2]]);
    const anchor = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : 1))[2]!;
    expect(runDetector(detector(), events).ids).toEqual([findingId(ID, anchor.eventId)]);
    expect(runDetector(detector(), events, { order: [2, 1, 0], allowedLateness: MIN }).findings).toHaveLength(1);
  });

  it('fires for long-term and temporary keys alike, per key', () => {
    for (const identity of [assumedRole({ roleName: 'stolen' }), iamUserConsoleSession({ userName: 'pedro' })]) {
      expect(runDetector(detector(), probes(`pr-key-${identity.userIdentity.type}`, [[0, 0], [1, 1], [2, 2]], identity)).findings).toHaveLength(1);
    }
    const mixed = [...probes('pr-mixed-a', [[0, 0], [1, 1]]), ...probes('pr-mixed-b', [[2, 2]], iamUser({ userName: 'trent' }))];
    expect(runDetector(detector(), mixed).findings).toEqual([]);
  });

  it('counts only ValidationException (any case): not AccessDenied, not successes, not calls without a key or a model', () => {
    expect(runDetector(detector(), probes('pr-case', [[0, 0, { errorCode: 'validationexception' }], [1, 1, { errorCode: 'VALIDATIONEXCEPTION' }], [2, 2]])).findings).toHaveLength(1);
    const ev = new EventFactory('pr-not-counted', { identity: checker });
    const notCounted = [
      ev.event({ time: T0, action: 'InvokeModel', modelId: MODELS[0]!, errorCode: 'AccessDenied' }),
      ev.event({ time: T0 + SEC, action: 'InvokeModel', modelId: MODELS[1]! }),
      ev.event({ time: T0 + 2 * SEC, action: 'InvokeModel', requestParameters: {}, errorCode: 'ValidationException' }),
      ev.event({ time: T0 + 3 * SEC, action: 'InvokeModel', modelId: MODELS[3]!, errorCode: 'ValidationException', identity: awsService() }),
    ];
    expect(runDetector(detector(), [...notCounted, ...probes('pr-one-more', [[4, 2]])]).findings).toEqual([]);
  });

  it('takes every invocation action, case-insensitively, and no other call', () => {
    const events = probes('pr-actions', [[0, 0, { action: 'converse' }], [1, 1, { action: 'InvokeModelWithResponseStream' }], [2, 2, { action: 'CONVERSESTREAM' }]]);
    expect(runDetector(detector(), events).findings).toHaveLength(1);
    expect(runDetector(detector(), probes('pr-not-invocation', [[0, 0], [1, 1], [2, 2, { action: 'GetFoundationModel' }]])).findings).toEqual([]);
  });

  it('re-arms 10 minutes after firing: probes before then are absorbed, later ones count afresh', () => {
    const telemetry = new CounterSet();
    const rule = invocationProbingRule(invocationProbingConfigSchema.parse({}), { id: ID, telemetry });
    // Fires at 2s; 300s and 601s are absorbed (before 602s); at exactly 602s counting starts afresh: fires at 604s.
    const events = probes('pr-rearm', [[0, 0], [1, 1], [2, 2], [300, 3], [601, 0], [602, 1], [603, 2], [604, 3]]);
    expect(runDetector(rule, events).ids).toEqual([findingId(ID, events[2]!.eventId), findingId(ID, events[7]!.eventId)]);
    expect(telemetry.total(DETECTION_COUNTERS.absorbed)).toBe(2);
  });

  it('honours minModels, window and errorCodes, and applies exceptions from config', () => {
    const events = probes('pr-options', [[0, 0], [400, 1], [800, 2]]);
    expect(runDetector(detector(), events).findings).toEqual([]);
    expect(runDetector(detector({ window: '15m' }), events).findings).toHaveLength(1);
    // Two models fire at 400s; the probe at 800s falls in the re-arm period.
    expect(runDetector(detector({ minModels: 2 }), events).ids).toEqual([findingId(ID, events[1]!.eventId)]);
    const denied = probes('pr-codes', [[0, 0, { errorCode: 'AccessDenied' }], [1, 1, { errorCode: 'AccessDenied' }], [2, 2, { errorCode: 'AccessDenied' }]]);
    expect(runDetector(detector({ errorCodes: ['AccessDenied', 'ValidationException'] }), denied).findings).toHaveLength(1);
    const except = detectorPolicySchema.parse({ exceptions: [{ when: [{ field: 'accessKeyId', equals: checker.userIdentity.accessKeyId }] }] });
    expect(runDetector(withPolicy(detector({ minModels: 2 }), except), events).findings).toEqual([]);
  });

  it('validates its options strictly', () => {
    expect(invocationProbingConfigSchema.parse({})).toEqual({ window: 10 * MIN, minModels: 3, errorCodes: ['ValidationException'] });
    for (const bad of [{ minModels: 0 }, { minModels: 2.5 }, { window: '0s' }, { errorCodes: [] }, { models: 3 }]) {
      expect(invocationProbingConfigSchema.safeParse(bad).success).toBe(false);
    }
  });
});
