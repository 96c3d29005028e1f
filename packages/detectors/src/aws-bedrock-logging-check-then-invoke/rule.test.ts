import { detectorPolicySchema, findingId, withPolicy, type TrailEvent } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, iamUserConsoleSession, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { loggingCheckConfigSchema } from './config.ts';
import { loggingCheckFactory } from './factory.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const ID = 'aws-bedrock-logging-check-then-invoke';
const mallory = iamUser({ userName: 'mallory' });

const detector = (options: Record<string, unknown> = {}, id = ID) => loggingCheckFactory.create(loggingCheckConfigSchema.parse(options), testContext(id));

function pair(seed: string, gap: number, overrides: { check?: object; invoke?: object } = {}, identity = mallory): [TrailEvent, TrailEvent] {
  const ev = new EventFactory(seed, { identity });
  return [ev.event({ time: T0, action: 'GetModelInvocationLoggingConfiguration', ...overrides.check }), ev.event({ time: T0 + gap, action: 'InvokeModel', ...overrides.invoke })];
}

describe(ID, () => {
  it('fires on a logging check followed by a successful invocation, anchored on the check', () => {
    const [check, invoke] = pair('lc-basic', 7 * MIN);
    const { findings, stateSizeAfter } = runDetector(detector({}, `${ID}/prod`), [check, invoke]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: findingId(`${ID}/prod`, check.eventId),
      severity: 'medium',
      riskScore: 47,
      firstTime: new Date(check.time).toISOString(),
      time: new Date(invoke.time).toISOString(),
      group: { accessKeyId: mallory.userIdentity.accessKeyId, userName: 'mallory', account: '123456789012' },
      evidence: [check.raw, invoke.raw],
      details: { secondsBetween: 420, modelIds: ['anthropic.claude-3-sonnet-20240229-v1:0'], check: { eventId: check.eventId }, invocation: { eventId: invoke.eventId, action: 'InvokeModel' } },
    });
    expect(findings[0]!.summary).toBe(
      `Key ${mallory.userIdentity.accessKeyId} (mallory) read the Bedrock invocation logging configuration, then called InvokeModel on anthropic.claude-3-sonnet-20240229-v1:0 7m later from 198.51.100.7`,
    );
    expect(stateSizeAfter).toBe(0);
  });

  it('fires at exactly 1:00:00 apart and not at 1:00:01, in either arrival order', () => {
    for (const [gap, expected] of [[60 * MIN, 1], [60 * MIN + SEC, 0]] as const) {
      const events = pair(`lc-span-${gap}`, gap);
      expect(runDetector(detector(), events).findings).toHaveLength(expected);
      expect(runDetector(detector(), events, { order: [1, 0], allowedLateness: 90 * MIN }).findings).toHaveLength(expected);
    }
  });

  it('fires when both calls share the same second, whichever eventID sorts first', () => {
    const samples = Array.from({ length: 6 }, (_, i) => pair(`lc-same-second-${i}`, 0));
    expect(samples.some(([c, i]) => c.eventId < i.eventId) && samples.some(([c, i]) => c.eventId > i.eventId)).toBe(true);
    for (const events of samples) {
      expect(runDetector(detector(), events).findings).toHaveLength(1);
      expect(runDetector(detector(), events, { order: [1, 0] }).findings).toHaveLength(1);
    }
  });

  it('fires for long-term and temporary keys alike: a role session and an IAM user console session', () => {
    for (const identity of [assumedRole({ roleName: 'stolen-role' }), iamUserConsoleSession({ userName: 'pedro' })]) {
      expect(runDetector(detector(), pair(`lc-temporary-${identity.userIdentity.type}`, MIN, {}, identity)).findings).toHaveLength(1);
    }
  });

  it('does not fire after a refused check or before a refused invocation', () => {
    expect(runDetector(detector(), pair('lc-failed-check', MIN, { check: { errorCode: 'AccessDenied' } })).findings).toEqual([]);
    expect(runDetector(detector(), pair('lc-failed-invoke', MIN, { invoke: { errorCode: 'ValidationException' } })).findings).toEqual([]);
  });

  it('does not fire when the invocation comes first, nor across keys, nor for calls without a key', () => {
    expect(runDetector(detector(), pair('lc-reversed', -SEC)).findings).toEqual([]);
    const ev = new EventFactory('lc-keys');
    const check = ev.event({ time: T0, action: 'GetModelInvocationLoggingConfiguration', identity: mallory });
    const other = ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: iamUser({ userName: 'trent' }) });
    const service = ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: awsService() });
    const serviceCheck = ev.event({ time: T0, action: 'GetModelInvocationLoggingConfiguration', identity: awsService() });
    expect(runDetector(detector(), [check, other, service, serviceCheck]).findings).toEqual([]);
  });

  it('takes every invocation action, case-insensitively, and no other call as the second step', () => {
    for (const action of ['InvokeModelWithResponseStream', 'Converse', 'conversestream', 'INVOKEMODEL']) {
      expect(runDetector(detector(), pair(`lc-action-${action}`, MIN, { invoke: { action } })).findings).toHaveLength(1);
    }
    for (const action of ['ListFoundationModels', 'ApplyGuardrail', 'InvokeModelWithBidirectionalStream']) {
      expect(runDetector(detector(), pair(`lc-not-${action}`, MIN, { invoke: { action } })).findings).toEqual([]);
    }
    expect(runDetector(detector(), pair('lc-check-lower', MIN, { check: { action: 'getmodelinvocationloggingconfiguration' } })).findings).toHaveLength(1);
  });

  it('reports one finding per check followed, each anchored on its check, and none twice for a redelivery', () => {
    const ev = new EventFactory('lc-two-checks', { identity: mallory });
    const first = ev.event({ time: T0, action: 'GetModelInvocationLoggingConfiguration' });
    const second = ev.event({ time: T0 + 10 * MIN, action: 'GetModelInvocationLoggingConfiguration' });
    const invoke = ev.event({ time: T0 + 20 * MIN, action: 'Converse' });
    const events = [first, second, invoke];
    expect([...runDetector(detector(), [...events, ...events], { order: 'given', allowedLateness: 30 * MIN }).ids].sort()).toEqual(
      [findingId(ID, first.eventId), findingId(ID, second.eventId)].sort(),
    );
  });

  it('honours maxSpan and applies suppression from config', () => {
    const events = pair('lc-maxspan', 90 * MIN);
    expect(runDetector(detector(), events).findings).toEqual([]);
    expect(runDetector(detector({ maxSpan: '2h' }), events).findings).toHaveLength(1);
    const ev = new EventFactory('lc-suppress', { identity: mallory });
    const checks = [0, 5, 10].map((m) => ev.event({ time: T0 + m * MIN, action: 'GetModelInvocationLoggingConfiguration' }));
    const invoke = ev.event({ time: T0 + 11 * MIN, action: 'InvokeModel' });
    expect(runDetector(withPolicy(detector(), detectorPolicySchema.parse({ suppress: { by: ['accessKeyId'], for: '1h' } })), [...checks, invoke]).findings).toHaveLength(1);
  });

  it('validates its options strictly', () => {
    expect(loggingCheckConfigSchema.parse({})).toEqual({ maxSpan: 60 * MIN });
    expect(loggingCheckConfigSchema.safeParse({ maxSpan: '0m' }).success).toBe(false);
    expect(loggingCheckConfigSchema.safeParse({ window: '1h' }).success).toBe(false);
  });
});
