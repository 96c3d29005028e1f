import { findingId, type TrailEvent } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, iamUserConsoleSession, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { enumThenInvokeConfigSchema } from './config.ts';
import { enumThenInvokeFactory } from './factory.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const ID = 'aws-bedrock-enum-then-invoke-long-term-key';
const mallory = iamUser({ userName: 'mallory' });

const detector = (options: Record<string, unknown> = {}, id = ID) =>
  enumThenInvokeFactory.create(enumThenInvokeConfigSchema.parse(options), testContext(id));

function pair(seed: string, gap: number, overrides: { list?: object; invoke?: object } = {}): [TrailEvent, TrailEvent] {
  const ev = new EventFactory(seed, { identity: mallory });
  return [
    ev.event({ time: T0, action: 'ListFoundationModels', ...overrides.list }),
    ev.event({ time: T0 + gap, action: 'InvokeModel', ...overrides.invoke }),
  ];
}

describe(ID, () => {
  it('fires on an AKIA enumeration followed by a successful invocation, anchored on the enumeration', () => {
    const [list, invoke] = pair('a-basic', 3 * MIN + 12 * SEC);
    const { findings, stateSizeAfter } = runDetector(detector({}, `${ID}/prod`), [list, invoke]);
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    expect(finding.id).toBe(findingId(`${ID}/prod`, list.eventId));
    expect(finding).toMatchObject({
      detector: { id: `${ID}/prod`, version: '1.0.0' },
      severity: 'high',
      riskScore: 73,
      time: new Date(invoke.time).toISOString(),
      firstTime: new Date(list.time).toISOString(),
      lastTime: new Date(invoke.time).toISOString(),
      group: { accessKeyId: list.accessKeyId, userName: 'mallory', account: '123456789012' },
      evidence: [list.raw, invoke.raw],
      details: {
        modelIds: ['anthropic.claude-3-sonnet-20240229-v1:0'],
        secondsBetween: 192,
        enumeration: { eventId: list.eventId, sourceIp: '198.51.100.7', principalArn: 'arn:aws:iam::123456789012:user/mallory' },
        invocation: { eventId: invoke.eventId, action: 'InvokeModel', modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' },
      },
    });
    expect(finding.attack.techniques.map((t) => t.id)).toEqual(['T1580', 'T1078.004']);
    expect(finding.summary).toBe(
      `Long-term key ${list.accessKeyId} (mallory) listed Bedrock foundation models, then called InvokeModel on anthropic.claude-3-sonnet-20240229-v1:0 3m 12s later from 198.51.100.7`,
    );
    expect(stateSizeAfter).toBe(0);
  });

  it('fires at exactly 15:00 apart and not at 15:01, in either arrival order', () => {
    for (const [gap, expected] of [[15 * MIN, 1], [15 * MIN + SEC, 0]] as const) {
      const events = pair(`a-span-${gap}`, gap);
      expect(runDetector(detector(), events).findings).toHaveLength(expected);
      expect(runDetector(detector(), events, { order: [1, 0], allowedLateness: 20 * MIN }).findings).toHaveLength(expected);
    }
  });

  it('fires when both calls share the same second, whichever eventID sorts first', () => {
    const samples = Array.from({ length: 6 }, (_, i) => pair(`a-same-second-${i}`, 0));
    expect(samples.some(([l, i]) => l.eventId < i.eventId) && samples.some(([l, i]) => l.eventId > i.eventId)).toBe(true);
    for (const events of samples) {
      expect(runDetector(detector(), events).findings).toHaveLength(1);
      expect(runDetector(detector(), events, { order: [1, 0] }).findings).toHaveLength(1);
    }
  });

  it('does not fire for temporary (ASIA) keys: a role session, or an IAM user console session', () => {
    for (const identity of [assumedRole({ roleName: 'bedrock-app' }), iamUserConsoleSession({ userName: 'pedro' })]) {
      const ev = new EventFactory(`a-asia-${identity.userIdentity.type}`, { identity });
      const events = [ev.event({ time: T0, action: 'ListFoundationModels' }), ev.event({ time: T0 + MIN, action: 'InvokeModel' })];
      expect(events[0]!.principalType === 'IAMUser' || events[0]!.principalType === 'AssumedRole').toBe(true);
      const run = runDetector(detector(), events);
      expect(run.findings).toEqual([]);
      expect(run.peakStateSize).toBe(0);
    }
  });

  it('does not fire after a failed enumeration or before a failed invocation', () => {
    expect(runDetector(detector(), pair('a-failed-list', MIN, { list: { errorCode: 'AccessDenied' } })).findings).toEqual([]);
    expect(runDetector(detector(), pair('a-failed-invoke', MIN, { invoke: { errorCode: 'AccessDenied' } })).findings).toEqual([]);
    expect(runDetector(detector(), pair('a-validation', MIN, { invoke: { errorCode: 'ValidationException' } })).findings).toEqual([]);
  });

  it('does not fire when the invocation comes before the enumeration', () => {
    expect(runDetector(detector(), pair('a-reversed', -MIN)).findings).toEqual([]);
  });

  it('does not join another key', () => {
    const ev = new EventFactory('a-other-key');
    const list = ev.event({ time: T0, action: 'ListFoundationModels', identity: mallory });
    const invoke = ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: iamUser({ userName: 'trent' }) });
    expect(runDetector(detector(), [list, invoke]).findings).toEqual([]);
  });

  it('reports two findings for two enumerations before one invocation, both with that invocation', () => {
    const ev = new EventFactory('a-two-lists', { identity: mallory });
    const list1 = ev.event({ time: T0, action: 'ListFoundationModels' });
    const list2 = ev.event({ time: T0 + 2 * MIN, action: 'ListFoundationModels' });
    const invoke = ev.event({ time: T0 + 5 * MIN, action: 'Converse' });
    const { findings } = runDetector(detector(), [list1, list2, invoke]);
    expect(findings.map((f) => f.id).sort()).toEqual([findingId(ID, list1.eventId), findingId(ID, list2.eventId)].sort());
    expect(findings.every((f) => f.evidence[1] === invoke.raw)).toBe(true);
  });

  it('takes every invocation action, compared case-insensitively, and no other Bedrock call', () => {
    for (const action of ['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream', 'invokemodel', 'CONVERSESTREAM']) {
      expect(runDetector(detector(), pair(`a-action-${action}`, MIN, { invoke: { action } })).findings).toHaveLength(1);
    }
    for (const action of ['GetFoundationModelAvailability', 'ListFoundationModels', 'InvokeModelWithBidirectionalStream']) {
      expect(runDetector(detector(), pair(`a-not-${action}`, MIN, { invoke: { action } })).findings).toEqual([]);
    }
    expect(runDetector(detector(), pair('a-list-lower', MIN, { list: { action: 'listfoundationmodels' } })).findings).toHaveLength(1);
  });

  it('ignores calls from other event sources and calls without a key', () => {
    expect(runDetector(detector(), pair('a-source', MIN, { invoke: { source: 'sagemaker.amazonaws.com' } })).findings).toEqual([]);
    const ev = new EventFactory('a-service');
    const service = ev.event({ time: T0 + MIN, action: 'InvokeModel', identity: awsService('bedrock.amazonaws.com') });
    expect(runDetector(detector(), [pair('a-service-list', 0)[0], service]).findings).toEqual([]);
  });

  it('finds the sequence however late the invocation file arrives within the lateness, with the earliest invocation as evidence', () => {
    const ev = new EventFactory('a-late', { identity: mallory });
    const list = ev.event({ time: T0, action: 'ListFoundationModels' });
    const early = ev.event({ time: T0 + MIN, action: 'InvokeModel' });
    const later = ev.event({ time: T0 + 4 * MIN, action: 'InvokeModel' });
    const { findings } = runDetector(detector(), [later, early, list], { order: 'given', allowedLateness: 10 * MIN });
    expect(findings.map((f) => f.evidence[1])).toEqual([early.raw]);
  });

  it('does not fire twice for a redelivered file', () => {
    const events = pair('a-redelivery', MIN);
    expect(runDetector(detector(), [...events, ...events], { order: 'given', allowedLateness: 5 * MIN }).findings).toHaveLength(1);
  });

  it('honours a configured maxSpan', () => {
    const events = pair('a-maxspan', 25 * MIN);
    expect(runDetector(detector(), events).findings).toEqual([]);
    expect(runDetector(detector({ maxSpan: '30m' }), events).findings).toHaveLength(1);
  });

  it('validates its options strictly', () => {
    expect(enumThenInvokeConfigSchema.parse({})).toEqual({ maxSpan: 15 * MIN });
    expect(enumThenInvokeConfigSchema.safeParse({ maxSpan: '0s' }).success).toBe(false);
    expect(enumThenInvokeConfigSchema.safeParse({ maxSpan: 'soon' }).success).toBe(false);
    expect(enumThenInvokeConfigSchema.safeParse({ maxspan: '15m' }).success).toBe(false);
  });
});
