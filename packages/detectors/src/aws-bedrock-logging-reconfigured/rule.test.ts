import { detectorPolicySchema, findingId, withPolicy } from '@jackwatch/core';
import { assumedRole, EventFactory, iamUser, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { loggingReconfiguredConfigSchema } from './config.ts';
import { loggingReconfiguredFactory } from './factory.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const ID = 'aws-bedrock-logging-reconfigured';
const detector = (id = ID) => loggingReconfiguredFactory.create(loggingReconfiguredConfigSchema.parse({}), testContext(id));
const loggingConfig = { s3Config: { bucketName: 'exfil-bucket-0x1', keyPrefix: '' }, textDataDeliveryEnabled: false, imageDataDeliveryEnabled: false, embeddingDataDeliveryEnabled: false };

describe(ID, () => {
  it('fires on a successful PutModelInvocationLoggingConfiguration, anchored on it, with the new configuration', () => {
    const ev = new EventFactory('lr-success', { identity: assumedRole({ roleName: 'DataScientist', sessionName: 'mallory' }) });
    const put = ev.event({ time: T0, action: 'PutModelInvocationLoggingConfiguration', requestParameters: { loggingConfig } });
    const { findings, peakStateSize } = runDetector(detector(`${ID}/prod`), [put]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: findingId(`${ID}/prod`, put.eventId),
      severity: 'medium',
      riskScore: 47,
      group: { userName: 'DataScientist', principalArn: 'arn:aws:sts::123456789012:assumed-role/DataScientist/mallory', account: '123456789012', region: 'us-east-1', sourceIp: '198.51.100.7' },
      details: { outcome: 'success', errorCode: null, loggingConfig, principalType: 'AssumedRole' },
      attack: { techniques: [{ id: 'T1562.008' }] },
    });
    expect(findings[0]!.summary).toBe('DataScientist changed the Bedrock model invocation logging configuration of 123456789012 us-east-1 from 198.51.100.7');
    expect(peakStateSize).toBe(0);
  });

  it('fires on a refused attempt too, saying so, and without a configuration in the request', () => {
    const ev = new EventFactory('lr-refused', { identity: iamUser({ userName: 'intern' }) });
    const put = ev.event({ time: T0, action: 'PutModelInvocationLoggingConfiguration', errorCode: 'AccessDenied' });
    const [finding] = runDetector(detector(), [put]).findings;
    expect(finding?.details).toMatchObject({ outcome: 'failure', errorCode: 'AccessDenied', loggingConfig: null });
    expect(finding?.summary).toBe('intern tried to change the Bedrock model invocation logging configuration of 123456789012 us-east-1 from 198.51.100.7 and was refused (AccessDenied)');
  });

  it('fires for any principal and key type, and compares the action case-insensitively', () => {
    const ev = new EventFactory('lr-anyone');
    const events = [iamUser({ userName: 'a' }), assumedRole({ roleName: 'PlatformAdmin' })].map((identity, i) =>
      ev.event({ time: T0 + i, action: i === 0 ? 'putmodelinvocationloggingconfiguration' : 'PutModelInvocationLoggingConfiguration', identity }),
    );
    expect(runDetector(detector(), events).findings).toHaveLength(2);
  });

  it('ignores reading or deleting the configuration and other event sources', () => {
    const ev = new EventFactory('lr-others');
    const events = [
      ev.event({ time: T0, action: 'GetModelInvocationLoggingConfiguration' }),
      ev.event({ time: T0, action: 'DeleteModelInvocationLoggingConfiguration' }),
      ev.event({ time: T0, action: 'PutModelInvocationLoggingConfiguration', source: 'sagemaker.amazonaws.com' }),
    ];
    expect(runDetector(detector(), events).findings).toEqual([]);
  });

  it('gives the same ids in any arrival order and for a late event', () => {
    const ev = new EventFactory('lr-order');
    const events = [0, 1, 2].map((hour) => ev.event({ time: T0 + hour * 3_600_000, action: 'PutModelInvocationLoggingConfiguration' }));
    const sorted = runDetector(detector(), events).ids;
    expect([...runDetector(detector(), events, { order: [2, 0, 1], allowedLateness: 0 }).ids].sort()).toEqual([...sorted].sort());
  });

  it('applies suppression and exceptions from config', () => {
    const ev = new EventFactory('lr-policy', { identity: assumedRole({ roleName: 'terraform-deploy', sessionName: 'ci' }) });
    const events = [0, 1].map((minute) => ev.event({ time: T0 + minute * 60_000, action: 'PutModelInvocationLoggingConfiguration' }));
    expect(runDetector(withPolicy(detector(), detectorPolicySchema.parse({ suppress: { by: ['principalArn'], for: '1h' } })), events).findings).toHaveLength(1);
    const except = detectorPolicySchema.parse({ exceptions: [{ when: [{ field: 'userIdentity.sessionContext.sessionIssuer.arn', glob: 'arn:aws:iam::*:role/terraform-*' }] }] });
    expect(runDetector(withPolicy(detector(), except), events).findings).toEqual([]);
  });

  it('has no options of its own', () => {
    expect(loggingReconfiguredConfigSchema.safeParse({ admins: [] }).success).toBe(false);
  });
});
