import { CounterSet, DETECTION_COUNTERS, detectorPolicySchema, findingId, withPolicy, type TrailEvent } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, iamUserConsoleSession, runDetector, testContext, type TestIdentity } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { killChainConfigSchema } from './config.ts';
import { defaultSubsumedRules, killChainFactory } from './factory.ts';
import { killChainRule } from './rule.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const ID = 'aws-bedrock-llmjacking-kill-chain';
const ENUM = 'aws-bedrock-enum-then-invoke-long-term-key';
const CHECK = 'aws-bedrock-logging-check-then-invoke';
const ACCESS = 'aws-bedrock-model-access-long-term-key';
const leaked = iamUser({ userName: 'svc-reporting' });

const detector = (options: Record<string, unknown> = {}, id = ID) => killChainFactory.create(killChainConfigSchema.parse(options), testContext(id));

/** One call per entry: [milliseconds after T0, action, extra]. */
function calls(seed: string, list: readonly [number, string, object?][], identity: TestIdentity = leaked): TrailEvent[] {
  const ev = new EventFactory(seed, { identity });
  return list.map(([time, action, extra]) => ev.event({ time: T0 + time, action, ...extra }));
}

describe(ID, () => {
  it('fires on the call that brings the third stage, tells the story and links the findings its evidence proves', () => {
    const events = calls('kc-basic', [[0, 'GetModelInvocationLoggingConfiguration'], [3 * SEC, 'ListFoundationModels'], [2 * MIN, 'ListFoundationModels'], [2 * MIN + 26 * SEC, 'InvokeModel'], [5 * MIN, 'PutFoundationModelEntitlement']]);
    const [check, list, , invoke] = events;
    const { findings, stateSizeAfter } = runDetector(detector(), events);
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    expect(finding).toMatchObject({
      id: findingId(ID, invoke!.eventId),
      severity: 'critical',
      riskScore: 99,
      firstTime: new Date(check!.time).toISOString(),
      time: new Date(invoke!.time).toISOString(),
      group: { accessKeyId: leaked.userIdentity.accessKeyId, userName: 'svc-reporting', account: '123456789012' },
      evidence: [check!.raw, list!.raw, invoke!.raw],
    });
    expect(finding.details).toMatchObject({
      stages: [
        { stage: 'logging check', action: 'GetModelInvocationLoggingConfiguration', eventId: check!.eventId, outcome: 'success' },
        { stage: 'discovery', action: 'ListFoundationModels', eventId: list!.eventId },
        { stage: 'invocation', action: 'InvokeModel', eventId: invoke!.eventId },
      ],
      subsumes: [
        { detector: CHECK, id: findingId(CHECK, check!.eventId), anchorEventId: check!.eventId },
        { detector: ENUM, id: findingId(ENUM, list!.eventId), anchorEventId: list!.eventId },
      ],
      subsumedFindingIds: [findingId(CHECK, check!.eventId), findingId(ENUM, list!.eventId)],
      minStages: 3,
      windowSeconds: 86_400,
    });
    expect(finding.summary).toBe(
      `Key ${leaked.userIdentity.accessKeyId} (svc-reporting) went through 3 of 4 LLMjacking stages within 2m 26s: ` +
        'logging check (GetModelInvocationLoggingConfiguration), discovery (ListFoundationModels), invocation (InvokeModel); it subsumes 2 other findings',
    );
    expect(stateSizeAfter).toBe(0);
  });

  it('needs three stages: two never fire however many calls', () => {
    const events = calls('kc-two', Array.from({ length: 40 }, (_, i) => [i * MIN, i % 2 ? 'InvokeModel' : 'ListFoundationModels'] as [number, string]));
    expect(runDetector(detector(), events).findings).toEqual([]);
  });

  it('includes both ends of the 24 hours: 24:00:00 apart fires, 24:00:01 does not, in any arrival order', () => {
    for (const [last, expected] of [[24 * HOUR, 1], [24 * HOUR + SEC, 0]] as const) {
      const events = calls(`kc-edge-${last}`, [[0, 'GetFoundationModelAvailability'], [12 * HOUR, 'PutUseCaseForModelAccess'], [last, 'Converse']]);
      expect(runDetector(detector(), events).findings).toHaveLength(expected);
      for (const order of [[2, 1, 0], [1, 2, 0]]) expect(runDetector(detector(), events, { order, allowedLateness: 25 * HOUR }).findings).toHaveLength(expected);
    }
  });

  it('counts three stages in the same second, anchored on the largest eventID', () => {
    const events = calls('kc-same-second', [[0, 'ListFoundationModelAgreementOffers'], [0, 'CreateFoundationModelAgreement'], [0, 'InvokeModel']]);
    const anchor = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : 1))[2]!;
    expect(runDetector(detector(), events).ids).toEqual([findingId(ID, anchor.eventId)]);
    expect(runDetector(detector(), events, { order: [2, 1, 0], allowedLateness: MIN }).findings).toHaveLength(1);
  });

  it('fires for temporary keys too, without links to the long-term-key rules', () => {
    for (const identity of [assumedRole({ roleName: 'stratus-red-team' }), iamUserConsoleSession({ userName: 'pedro' })]) {
      const events = calls(`kc-${identity.userIdentity.type}`, [[0, 'ListFoundationModels'], [SEC, 'GetFoundationModelAvailability'], [2 * SEC, 'PutFoundationModelEntitlement'], [MIN, 'InvokeModel']], identity);
      const findings = runDetector(detector(), events).findings;
      expect(findings.map((f) => f.id)).toEqual([findingId(ID, events[3]!.eventId)]);
      expect(findings[0]!.details).toMatchObject({ subsumes: [], subsumedFindingIds: [] });
      expect(findings[0]!.summary).not.toContain('subsumes');
    }
  });

  it('counts stages 1–3 whatever their outcome, and an invocation only when it succeeded', () => {
    const refused = calls('kc-refused', [[0, 'ListFoundationModels', { errorCode: 'AccessDenied' }], [SEC, 'GetModelInvocationLoggingConfiguration', { errorCode: 'AccessDeniedException' }], [2 * SEC, 'PutUseCaseForModelAccess', { errorCode: 'ValidationException' }]]);
    expect(runDetector(detector(), refused).findings).toHaveLength(1);
    const failedInvoke = calls('kc-failed-invoke', [[0, 'ListFoundationModels'], [SEC, 'GetModelInvocationLoggingConfiguration'], [2 * SEC, 'InvokeModel', { errorCode: 'ValidationException' }]]);
    expect(runDetector(detector(), failedInvoke).findings).toEqual([]);
  });

  it('compares names case-insensitively, ignores other calls, other sources, other keys and calls without a key', () => {
    expect(runDetector(detector(), calls('kc-case', [[0, 'listinferenceprofiles'], [SEC, 'PUTFOUNDATIONMODELENTITLEMENT'], [2 * SEC, 'conversestream']])).findings).toHaveLength(1);
    const others = calls('kc-others', [[0, 'ListFoundationModels'], [SEC, 'GetUseCaseForModelAccess'], [2 * SEC, 'DeleteModelInvocationLoggingConfiguration'], [3 * SEC, 'InvokeModel']]);
    expect(runDetector(detector(), others).findings).toEqual([]);
    const elsewhere = calls('kc-elsewhere', [[0, 'ListFoundationModels'], [SEC, 'GetModelInvocationLoggingConfiguration', { source: 'sagemaker.amazonaws.com' }], [2 * SEC, 'InvokeModel']]);
    expect(runDetector(detector(), elsewhere).findings).toEqual([]);
    const split = [...calls('kc-split-a', [[0, 'ListFoundationModels'], [SEC, 'InvokeModel']]), ...calls('kc-split-b', [[2 * SEC, 'GetModelInvocationLoggingConfiguration']], iamUser({ userName: 'trent' }))];
    expect(runDetector(detector(), split).findings).toEqual([]);
    const service = calls('kc-service', [[0, 'ListFoundationModels'], [SEC, 'GetModelInvocationLoggingConfiguration'], [2 * SEC, 'InvokeModel']], awsService());
    expect(runDetector(detector(), service).findings).toEqual([]);
  });

  it('re-arms 24 hours after firing: calls before then are absorbed', () => {
    const telemetry = new CounterSet();
    const rule = killChainRule(killChainConfigSchema.parse({}), defaultSubsumedRules(ID), { id: ID, telemetry });
    const events = calls('kc-rearm', [[0, 'ListFoundationModels'], [SEC, 'GetModelInvocationLoggingConfiguration'], [2 * SEC, 'InvokeModel'], [HOUR, 'PutFoundationModelEntitlement'], [24 * HOUR + 2 * SEC, 'ListFoundationModels'], [24 * HOUR + 3 * SEC, 'PutUseCaseForModelAccess'], [24 * HOUR + 4 * SEC, 'InvokeModel']]);
    expect(runDetector(rule, events).ids).toEqual([findingId(ID, events[2]!.eventId), findingId(ID, events[6]!.eventId)]);
    expect(telemetry.total(DETECTION_COUNTERS.absorbed)).toBe(1);
  });

  describe('links', () => {
    it('links a model-access finding for each model-access call of a long-term key in its evidence', () => {
      const events = calls('kc-access', [[0, 'GetFoundationModelAvailability'], [SEC, 'ListFoundationModels'], [2 * SEC, 'CreateFoundationModelAgreement'], [3 * SEC, 'PutFoundationModelEntitlement'], [4 * SEC, 'Converse']]);
      const [finding] = runDetector(detector(), events).findings;
      expect(finding?.id).toBe(findingId(ID, events[4]!.eventId));
      // The evidence holds the first call of each stage: GetFoundationModelAvailability, not the
      // ListFoundationModels after it, so rule A's finding on that listing is not linked.
      expect(finding?.details?.['subsumes']).toEqual([
        { detector: ACCESS, id: findingId(ACCESS, events[0]!.eventId), anchorEventId: events[0]!.eventId },
        { detector: ACCESS, id: findingId(ACCESS, events[2]!.eventId), anchorEventId: events[2]!.eventId },
      ]);
    });

    it('links the sequence rules only when the evidence proves them: within their span, in order, successful', () => {
      const subsumed = (events: TrailEvent[]) => (runDetector(detector(), events).findings[0]?.details?.['subsumes'] as { detector: string }[]).map((s) => s.detector);
      expect(subsumed(calls('kc-late-invoke', [[0, 'GetModelInvocationLoggingConfiguration'], [SEC, 'ListFoundationModels'], [15 * MIN + 2 * SEC, 'InvokeModel']]))).toEqual([CHECK]);
      expect(subsumed(calls('kc-edge-invoke', [[0, 'GetModelInvocationLoggingConfiguration'], [SEC, 'ListFoundationModels'], [15 * MIN + SEC, 'InvokeModel']]))).toEqual([CHECK, ENUM]);
      expect(subsumed(calls('kc-old-check', [[0, 'GetModelInvocationLoggingConfiguration'], [50 * MIN, 'ListFoundationModels'], [HOUR + SEC, 'InvokeModel']]))).toEqual([ENUM]);
      expect(subsumed(calls('kc-invoke-first', [[0, 'InvokeModel'], [SEC, 'GetModelInvocationLoggingConfiguration'], [2 * SEC, 'ListFoundationModels']]))).toEqual([]);
      expect(subsumed(calls('kc-refused-list', [[0, 'ListFoundationModels', { errorCode: 'AccessDenied' }], [SEC, 'GetModelInvocationLoggingConfiguration', { errorCode: 'AccessDenied' }], [2 * SEC, 'InvokeModel']]))).toEqual([]);
      expect(subsumed(calls('kc-same-second-links', [[0, 'InvokeModel'], [0, 'GetModelInvocationLoggingConfiguration'], [0, 'ListFoundationModels']])).sort()).toEqual([CHECK, ENUM].sort());
    });

    it('names the linked rules like itself: a named kill chain links the same name', () => {
      const events = calls('kc-named', [[0, 'ListFoundationModels'], [SEC, 'PutUseCaseForModelAccess'], [2 * SEC, 'InvokeModel']]);
      const [finding] = runDetector(detector({}, `${ID}/prod`), events).findings;
      expect(finding?.id).toBe(findingId(`${ID}/prod`, events[2]!.eventId));
      expect(finding?.details?.['subsumedFindingIds']).toEqual([findingId(`${ENUM}/prod`, events[0]!.eventId), findingId(`${ACCESS}/prod`, events[1]!.eventId)]);
    });
  });

  it('applies suppression and exceptions from config', () => {
    const events = calls('kc-policy', [0, 1, 2].flatMap((day) => [[day * 25 * HOUR, 'ListFoundationModels'], [day * 25 * HOUR + SEC, 'PutUseCaseForModelAccess'], [day * 25 * HOUR + 2 * SEC, 'InvokeModel']] as [number, string][]));
    expect(runDetector(detector(), events).findings).toHaveLength(3);
    expect(runDetector(withPolicy(detector(), detectorPolicySchema.parse({ suppress: { by: ['accessKeyId'], for: '7d' } })), events).findings).toHaveLength(1);
    const except = detectorPolicySchema.parse({ exceptions: [{ when: [{ field: 'userName', equals: 'svc-reporting' }] }] });
    expect(runDetector(withPolicy(detector(), except), events).findings).toEqual([]);
  });

  it('honours minStages and window, and validates them strictly', () => {
    const events = calls('kc-options', [[0, 'ListFoundationModels'], [2 * HOUR, 'InvokeModel'], [30 * HOUR, 'PutFoundationModelEntitlement']]);
    expect(runDetector(detector(), events).findings).toEqual([]);
    expect(runDetector(detector({ window: '2d' }), events).findings).toHaveLength(1);
    expect(runDetector(detector({ minStages: 2 }), events).ids).toEqual([findingId(ID, events[1]!.eventId)]);
    expect(killChainConfigSchema.parse({})).toEqual({ window: 24 * HOUR, minStages: 3 });
    for (const bad of [{ minStages: 1 }, { minStages: 5 }, { window: '0d' }, { stages: 3 }]) expect(killChainConfigSchema.safeParse(bad).success).toBe(false);
  });
});
