import { detectorPolicySchema, findingId, withPolicy } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, iamUserConsoleSession, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { modelAccessConfigSchema } from './config.ts';
import { modelAccessFactory } from './factory.ts';

const T0 = Date.parse('2024-07-08T17:00:00Z');
const ID = 'aws-bedrock-model-access-long-term-key';
const ACTIONS = ['GetFoundationModelAvailability', 'GetUseCaseForModelAccess', 'PutUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'PutFoundationModelEntitlement'];
const mallory = iamUser({ userName: 'mallory' });

const detector = (id = ID) => modelAccessFactory.create(modelAccessConfigSchema.parse({}), testContext(id));

describe(ID, () => {
  it('fires once per model-access call by a long-term key, anchored on the call, for each of the five actions', () => {
    const ev = new EventFactory('ma-actions', { identity: mallory });
    const events = ACTIONS.map((action, i) => ev.event({ time: T0 + i * 1000, action, modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' }));
    const { findings, stateSizeAfter } = runDetector(detector(`${ID}/prod`), events);
    expect(findings.map((f) => f.id)).toEqual(events.map((e) => findingId(`${ID}/prod`, e.eventId)));
    expect(findings[4]).toMatchObject({
      severity: 'high',
      riskScore: 73,
      group: { accessKeyId: mallory.userIdentity.accessKeyId, userName: 'mallory', principalArn: 'arn:aws:iam::123456789012:user/mallory', account: '123456789012', region: 'us-east-1', sourceIp: '198.51.100.7' },
      details: { action: 'PutFoundationModelEntitlement', outcome: 'success', errorCode: null, modelId: 'anthropic.claude-3-sonnet-20240229-v1:0', principalType: 'IAMUser' },
      evidence: [events[4]!.raw],
    });
    expect(findings[4]!.summary).toBe(
      `Long-term key ${mallory.userIdentity.accessKeyId} (mallory) called PutFoundationModelEntitlement for anthropic.claude-3-sonnet-20240229-v1:0 in 123456789012 us-east-1 from 198.51.100.7`,
    );
    expect(stateSizeAfter).toBe(0);
  });

  it('fires on a refused call too, saying so', () => {
    const ev = new EventFactory('ma-refused', { identity: mallory });
    const refused = ev.event({ time: T0, action: 'PutUseCaseForModelAccess', errorCode: 'AccessDeniedException' });
    const [finding] = runDetector(detector(), [refused]).findings;
    expect(finding?.details).toMatchObject({ outcome: 'failure', errorCode: 'AccessDeniedException', modelId: null });
    expect(finding?.summary).toMatch(/called PutUseCaseForModelAccess in 123456789012 us-east-1 from 198\.51\.100\.7 and was refused \(AccessDeniedException\)$/);
  });

  it('compares action names case-insensitively', () => {
    const ev = new EventFactory('ma-case', { identity: mallory });
    const events = ['putfoundationmodelentitlement', 'GETFOUNDATIONMODELAVAILABILITY'].map((action) => ev.event({ time: T0, action }));
    expect(runDetector(detector(), events).findings).toHaveLength(2);
  });

  it('does not fire for temporary keys (a role session, an IAM user console session) nor for calls without a key', () => {
    for (const identity of [assumedRole({ roleName: 'AWSReservedSSO_Admin_0a1b' }), iamUserConsoleSession({ userName: 'pedro' }), awsService('bedrock.amazonaws.com')]) {
      const ev = new EventFactory(`ma-temporary-${identity.userIdentity.type}`, { identity });
      expect(runDetector(detector(), ACTIONS.map((action) => ev.event({ time: T0, action }))).findings).toEqual([]);
    }
  });

  it('tests the key prefix exactly: a lowercase akia key or a key merely containing AKIA is not long-term', () => {
    for (const accessKeyId of ['akiaqxexample0000001', 'XAKIAQXEXAMPLE000001']) {
      const ev = new EventFactory(`ma-prefix-${accessKeyId}`, { identity: iamUser({ userName: 'odd', accessKeyId }) });
      expect(runDetector(detector(), [ev.event({ time: T0, action: 'PutFoundationModelEntitlement' })]).findings).toEqual([]);
    }
  });

  it('ignores other Bedrock calls and the same names from another event source', () => {
    const ev = new EventFactory('ma-others', { identity: mallory });
    const others = ['ListFoundationModels', 'ListFoundationModelAgreementOffers', 'InvokeModel', 'GetFoundationModel', 'DeleteFoundationModelAgreement'].map((action) => ev.event({ time: T0, action }));
    const elsewhere = ev.event({ time: T0, action: 'PutFoundationModelEntitlement', source: 'sagemaker.amazonaws.com' });
    expect(runDetector(detector(), [...others, elsewhere]).findings).toEqual([]);
  });

  it('fires for a late call too, with the same id, and once per redelivery id', () => {
    const ev = new EventFactory('ma-late', { identity: mallory });
    const early = ev.event({ time: T0, action: 'GetFoundationModelAvailability' });
    const later = ev.event({ time: T0 + 3_600_000, action: 'GetFoundationModelAvailability' });
    const run = runDetector(detector(), [later, early], { order: 'given', allowedLateness: 0 });
    expect(run.lateEvents).toBe(1);
    expect([...run.ids].sort()).toEqual([findingId(ID, early.eventId), findingId(ID, later.eventId)].sort());
  });

  it('applies suppression and exceptions from config', () => {
    const ev = new EventFactory('ma-policy', { identity: mallory });
    const events = [0, 1, 2].map((minute) => ev.event({ time: T0 + minute * 60_000, action: 'GetFoundationModelAvailability' }));
    const suppressed = withPolicy(detector(), detectorPolicySchema.parse({ suppress: { by: ['accessKeyId'], for: '1h' } }));
    expect(runDetector(suppressed, events).ids).toEqual([findingId(ID, events[0]!.eventId)]);
    const excepted = withPolicy(detector(), detectorPolicySchema.parse({ exceptions: [{ when: [{ field: 'sourceIPAddress', cidr: '198.51.100.0/24' }] }] }));
    expect(runDetector(excepted, events).findings).toEqual([]);
  });

  it('has no options of its own', () => {
    expect(modelAccessConfigSchema.parse({})).toEqual({});
    expect(modelAccessConfigSchema.safeParse({ actions: ['PutFoundationModelEntitlement'] }).success).toBe(false);
  });
});
