import { CounterSet, DETECTION_COUNTERS, detectorPolicySchema, findingId, withPolicy, type TrailEvent } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, runDetector, testContext, type TestIdentity } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { invocationBurstConfigSchema } from './config.ts';
import { invocationBurstFactory } from './factory.ts';
import { invocationBurstRule } from './rule.ts';

const T0 = Date.parse('2024-07-08T17:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const ID = 'aws-bedrock-invocation-burst';
const SONNET = 'anthropic.claude-3-sonnet-20240229-v1:0';
const OPUS = 'anthropic.claude-3-opus-20240229-v1:0';
const proxy = iamUser({ userName: 'svc-translate' });

const detector = (options: Record<string, unknown> = {}, id = ID) => invocationBurstFactory.create(invocationBurstConfigSchema.parse(options), testContext(id));

/** `count` successful invocations, the i-th at `time(i)` ms after T0. */
function burst(seed: string, count: number, time: (i: number) => number, spec: { identity?: TestIdentity; modelId?: (i: number) => string; extra?: (i: number) => object } = {}): TrailEvent[] {
  const ev = new EventFactory(seed, { identity: spec.identity ?? proxy });
  return ev.events(count, (i) => ({ time: T0 + time(i), action: i % 3 === 0 ? 'InvokeModel' : 'InvokeModelWithResponseStream', modelId: spec.modelId?.(i) ?? SONNET, ...spec.extra?.(i) }));
}

describe(ID, () => {
  it('fires on the 501st invocation of one model by one principal within an hour, anchored on it', () => {
    const events = burst('ib-basic', 520, (i) => i * 6 * SEC);
    const { findings, stateSizeAfter } = runDetector(detector({}, `${ID}/prod`), events);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: findingId(`${ID}/prod`, events[500]!.eventId),
      severity: 'medium',
      riskScore: 47,
      firstTime: new Date(T0).toISOString(),
      time: new Date(T0 + 3000 * SEC).toISOString(),
      group: { principalArn: 'arn:aws:iam::123456789012:user/svc-translate', modelId: SONNET, userName: 'svc-translate', account: '123456789012' },
      details: { count: 501, threshold: 500, windowSeconds: 3600, actions: ['InvokeModel', 'InvokeModelWithResponseStream'], accessKeyIds: [proxy.userIdentity.accessKeyId], distinctSourceIps: 1 },
    });
    expect(findings[0]!.evidence).toHaveLength(20);
    expect(findings[0]!.evidence[19]).toBe(events[500]!.raw);
    expect(findings[0]!.summary).toBe(`arn:aws:iam::123456789012:user/svc-translate ran ${SONNET} 501 times within 50m (more than 500 in 1h)`);
    expect(stateSizeAfter).toBe(0);
  });

  it('does not fire on exactly 500', () => {
    expect(runDetector(detector(), burst('ib-500', 500, (i) => i * 7 * SEC)).findings).toEqual([]);
  });

  it('includes both ends of the hour: 501 invocations spread over 60:00 fire, over 60:01 do not', () => {
    for (const [last, expected] of [[3600 * SEC, 1], [3601 * SEC, 0]] as const) {
      const events = burst(`ib-edge-${last}`, 501, (i) => (i === 500 ? last : i * SEC));
      expect(runDetector(detector(), events).findings).toHaveLength(expected);
      expect(runDetector(detector(), events, { order: 'shuffled', seed: 4, allowedLateness: 2 * 3600 * SEC }).findings).toHaveLength(expected);
    }
  });

  it('counts 501 invocations within one second, anchored on the largest eventID', () => {
    const events = burst('ib-same-second', 501, () => 0);
    const anchor = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : 1))[500]!;
    expect(runDetector(detector(), events).ids).toEqual([findingId(ID, anchor.eventId)]);
  });

  it('counts per principal and model: the same volume split over two models or two role sessions does not fire', () => {
    expect(runDetector(detector(), burst('ib-two-models', 800, (i) => i * 4 * SEC, { modelId: (i) => (i % 2 ? SONNET : OPUS) })).findings).toEqual([]);
    const sessions = [assumedRole({ roleName: 'chat', sessionName: 'a' }), assumedRole({ roleName: 'chat', sessionName: 'b' })];
    const split = sessions.flatMap((identity, s) => burst(`ib-session-${s}`, 400, (i) => i * 5 * SEC, { identity }));
    expect(runDetector(detector(), split).findings).toEqual([]);
    const sameSession = burst('ib-one-session', 501, (i) => i * 5 * SEC, { identity: sessions[0]! });
    expect(runDetector(detector(), sameSession).findings[0]?.group).toMatchObject({ principalArn: 'arn:aws:sts::123456789012:assumed-role/chat/a', userName: 'chat' });
  });

  it('counts successful invocations only (any case of the name), never refused ones nor calls without a principal or a model', () => {
    const refused = burst('ib-refused', 501, (i) => i * SEC, { extra: (i) => (i === 250 ? { errorCode: 'ThrottlingException' } : {}) });
    expect(runDetector(detector(), refused).findings).toEqual([]);
    const cased = burst('ib-case', 501, (i) => i * SEC, { extra: (i) => ({ action: ['invokemodel', 'CONVERSE', 'ConverseStream'][i % 3] }) });
    expect(runDetector(detector(), cased).findings).toHaveLength(1);
    const noModel = burst('ib-no-model', 501, (i) => i * SEC, { extra: (i) => (i === 0 ? { requestParameters: null } : {}) });
    expect(runDetector(detector(), noModel).findings).toEqual([]);
    const service = burst('ib-service', 501, (i) => i * SEC, { identity: awsService() });
    expect(runDetector(detector(), service).findings).toEqual([]);
  });

  it('re-arms an hour after firing: invocations before then are absorbed', () => {
    const telemetry = new CounterSet();
    const rule = invocationBurstRule(invocationBurstConfigSchema.parse({ threshold: 2 }), { id: ID, telemetry });
    const minutes = [0, 1, 2, 30, 61, 62, 63, 64];
    const events = burst('ib-rearm', minutes.length, (i) => minutes[i]! * MIN);
    expect(runDetector(rule, events).ids).toEqual([findingId(ID, events[2]!.eventId), findingId(ID, events[7]!.eventId)]);
    expect(telemetry.total(DETECTION_COUNTERS.absorbed)).toBe(2);
  });

  it('honours threshold and window, and applies exceptions from config', () => {
    const events = burst('ib-options', 1001, (i) => i * 4 * SEC);
    expect(runDetector(detector(), events).findings).toHaveLength(1);
    expect(runDetector(detector({ threshold: 1000 }), events).findings).toHaveLength(0);
    expect(runDetector(detector({ threshold: 1000, window: '2h' }), events).ids).toEqual([findingId(ID, events[1000]!.eventId)]);
    const except = detectorPolicySchema.parse({ exceptions: [{ when: [{ field: 'principalArn', glob: 'arn:aws:iam::*:user/svc-*' }] }] });
    expect(runDetector(withPolicy(detector(), except), events).findings).toEqual([]);
  });

  it('validates its options strictly', () => {
    expect(invocationBurstConfigSchema.parse({})).toEqual({ window: 60 * MIN, threshold: 500 });
    for (const bad of [{ threshold: -1 }, { threshold: 'many' }, { window: '0h' }, { limit: 500 }]) expect(invocationBurstConfigSchema.safeParse(bad).success).toBe(false);
  });
});
