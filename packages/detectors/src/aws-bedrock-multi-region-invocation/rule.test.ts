import { CounterSet, DETECTION_COUNTERS, detectorPolicySchema, findingId, withPolicy, type TrailEvent } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, iamUserConsoleSession, runDetector, testContext, type TestIdentity } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { multiRegionConfigSchema } from './config.ts';
import { multiRegionFactory } from './factory.ts';
import { multiRegionRule } from './rule.ts';

const T0 = Date.parse('2024-07-08T17:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const ID = 'aws-bedrock-multi-region-invocation';
const proxy = iamUser({ userName: 'svc-translate' });

const detector = (options: Record<string, unknown> = {}, id = ID) => multiRegionFactory.create(multiRegionConfigSchema.parse(options), testContext(id));

/** One successful invocation per entry: [minutes after T0, region, extra]. */
function invocations(seed: string, calls: readonly [number, string, object?][], identity: TestIdentity = proxy): TrailEvent[] {
  const ev = new EventFactory(seed, { identity });
  return calls.map(([minute, region, extra]) => ev.event({ time: T0 + minute * MIN, action: 'InvokeModelWithResponseStream', region, ...extra }));
}

describe(ID, () => {
  it('fires on the invocation that brings the third region, with the first invocation in each region as evidence', () => {
    const events = invocations('mr-basic', [[0, 'us-east-1'], [5, 'us-east-1'], [12, 'us-west-2'], [40, 'eu-west-3'], [41, 'ap-northeast-1']]);
    const { findings, stateSizeAfter } = runDetector(detector({}, `${ID}/prod`), events);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: findingId(`${ID}/prod`, events[3]!.eventId),
      severity: 'high',
      riskScore: 73,
      firstTime: new Date(T0).toISOString(),
      time: new Date(T0 + 40 * MIN).toISOString(),
      group: { accessKeyId: proxy.userIdentity.accessKeyId, userName: 'svc-translate', account: '123456789012' },
      evidence: [events[0]!.raw, events[2]!.raw, events[3]!.raw],
      details: { regions: ['us-east-1', 'us-west-2', 'eu-west-3'], modelIds: ['anthropic.claude-3-sonnet-20240229-v1:0'], sourceIps: ['198.51.100.7'], minRegions: 3, windowSeconds: 3600 },
    });
    expect(findings[0]!.summary).toBe(`Key ${proxy.userIdentity.accessKeyId} (svc-translate) ran Bedrock models in 3 regions within 40m: us-east-1, us-west-2, eu-west-3`);
    expect(findings[0]!.attack.techniques.map((t) => t.id)).toEqual(['T1496.004', 'T1535']);
    expect(stateSizeAfter).toBe(0);
  });

  it('needs three regions: two never fire however many invocations', () => {
    const events = invocations('mr-two', Array.from({ length: 50 }, (_, i) => [i, i % 2 ? 'us-east-1' : 'us-west-2'] as [number, string]));
    expect(runDetector(detector(), events).findings).toEqual([]);
  });

  it('includes both ends of the hour: 60:00 apart fires, 60:01 does not, in any arrival order', () => {
    for (const [extra, expected] of [[0, 1], [SEC, 0]] as const) {
      const events = invocations(`mr-edge-${extra}`, [[0, 'us-east-1'], [30, 'us-west-2'], [60, 'eu-west-1', { time: T0 + 60 * MIN + extra }]]);
      expect(runDetector(detector(), events).findings).toHaveLength(expected);
      for (const order of [[2, 1, 0], [0, 2, 1]]) expect(runDetector(detector(), events, { order, allowedLateness: 70 * MIN }).findings).toHaveLength(expected);
    }
  });

  it('counts three regions in the same second, anchored on the largest eventID', () => {
    const events = invocations('mr-same-second', [[0, 'us-east-1'], [0, 'us-west-2'], [0, 'eu-west-1']]);
    const anchor = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : 1))[2]!;
    expect(runDetector(detector(), events).ids).toEqual([findingId(ID, anchor.eventId)]);
    expect(runDetector(detector(), events, { order: [2, 0, 1], allowedLateness: MIN }).findings).toHaveLength(1);
  });

  it('fires for temporary keys too, per key', () => {
    for (const identity of [assumedRole({ roleName: 'stolen' }), iamUserConsoleSession({ userName: 'pedro' })]) {
      expect(runDetector(detector(), invocations(`mr-${identity.userIdentity.type}`, [[0, 'a-1'], [1, 'b-1'], [2, 'c-1']], identity)).findings).toHaveLength(1);
    }
    const split = [...invocations('mr-split-a', [[0, 'us-east-1'], [1, 'us-west-2']]), ...invocations('mr-split-b', [[2, 'eu-west-1']], iamUser({ userName: 'trent' }))];
    expect(runDetector(detector(), split).findings).toEqual([]);
  });

  it('counts only successful invocations (any case of the name), never refused ones nor calls without a key', () => {
    const refused = invocations('mr-refused', [[0, 'us-east-1'], [1, 'us-west-2'], [2, 'eu-west-1', { errorCode: 'AccessDenied' }]]);
    expect(runDetector(detector(), refused).findings).toEqual([]);
    const validation = invocations('mr-validation', [[0, 'us-east-1'], [1, 'us-west-2'], [2, 'eu-west-1', { errorCode: 'ValidationException' }]]);
    expect(runDetector(detector(), validation).findings).toEqual([]);
    const cased = invocations('mr-case', [[0, 'us-east-1', { action: 'invokemodel' }], [1, 'us-west-2', { action: 'CONVERSE' }], [2, 'eu-west-1', { action: 'ConverseStream' }]]);
    expect(runDetector(detector(), cased).findings).toHaveLength(1);
    const service = invocations('mr-service', [[0, 'us-east-1'], [1, 'us-west-2'], [2, 'eu-west-1']], awsService());
    expect(runDetector(detector(), service).findings).toEqual([]);
    const other = invocations('mr-other-call', [[0, 'us-east-1'], [1, 'us-west-2'], [2, 'eu-west-1', { action: 'ListFoundationModels' }]]);
    expect(runDetector(detector(), other).findings).toEqual([]);
  });

  it('does not count cross-region inference as another region: awsRegion is where the call was made', () => {
    const profile = (region: string) => ({ modelId: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0', extra: { additionalEventData: { inferenceRegion: region } } });
    const events = invocations('mr-cris', [[0, 'us-east-1', profile('us-east-1')], [1, 'us-east-1', profile('us-west-2')], [2, 'us-east-1', profile('us-east-2')], [3, 'us-west-2']]);
    expect(runDetector(detector(), events).findings).toEqual([]);
  });

  it('re-arms an hour after firing: invocations before then are absorbed', () => {
    const telemetry = new CounterSet();
    const rule = multiRegionRule(multiRegionConfigSchema.parse({}), { id: ID, telemetry });
    const events = invocations('mr-rearm', [[0, 'a'], [1, 'b'], [2, 'c'], [30, 'd'], [61, 'e'], [62, 'a'], [63, 'b'], [64, 'c']]);
    expect(runDetector(rule, events).ids).toEqual([findingId(ID, events[2]!.eventId), findingId(ID, events[7]!.eventId)]);
    expect(telemetry.total(DETECTION_COUNTERS.absorbed)).toBe(2);
  });

  it('honours minRegions and window, and applies suppression from config', () => {
    const events = invocations('mr-options', [[0, 'us-east-1'], [50, 'us-west-2'], [100, 'eu-west-1']]);
    expect(runDetector(detector(), events).findings).toEqual([]);
    expect(runDetector(detector({ window: '2h' }), events).findings).toHaveLength(1);
    expect(runDetector(detector({ minRegions: 2 }), events).findings).toHaveLength(1);
    const days = invocations('mr-days', [0, 1, 2, 3].flatMap((day) => [[day * 1440, 'a'], [day * 1440 + 1, 'b'], [day * 1440 + 2, 'c']] as [number, string][]));
    expect(runDetector(detector(), days).findings).toHaveLength(4);
    expect(runDetector(withPolicy(detector(), detectorPolicySchema.parse({ suppress: { by: ['accessKeyId'], for: '3d' } })), days).findings).toHaveLength(2);
  });

  it('validates its options strictly', () => {
    expect(multiRegionConfigSchema.parse({})).toEqual({ window: 60 * MIN, minRegions: 3 });
    for (const bad of [{ minRegions: 1 }, { window: 'an hour' }, { regions: 3 }]) expect(multiRegionConfigSchema.safeParse(bad).success).toBe(false);
  });
});
