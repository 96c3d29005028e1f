import type { Finding } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { ruleAFinding } from '../testing/finding-fixture.ts';
import { findingFacts } from './finding-facts.ts';

describe('findingFacts', () => {
  it('takes group fields first and the model from the evidence', () => {
    expect(findingFacts(ruleAFinding())).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      userName: 'ci-deployer',
      principalArn: 'arn:aws:iam::123456789012:user/ci-deployer',
      account: '123456789012',
      region: 'us-east-1',
      sourceIp: '203.0.113.77',
      userAgent: 'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 lang/python#3.12.1',
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    });
  });

  it('falls back to the evidence when the group lacks a field', () => {
    const finding = { ...ruleAFinding(), group: { src: '198.51.100.9' } };
    const facts = findingFacts(finding);
    expect(facts.sourceIp).toBe('198.51.100.9');
    expect(facts.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(facts.account).toBe('123456789012');
    expect(facts.userName).toBe('ci-deployer');
  });

  it('takes only strings from raw evidence, skipping records that are not objects', () => {
    const finding = {
      ...ruleAFinding(),
      group: { userName: 42 as unknown as string },
      evidence: [null, 'text', { userIdentity: { userName: { nested: true }, arn: 'arn:aws:iam::111122223333:user/eve' }, awsRegion: 7, requestParameters: 'modelId' }],
    } as unknown as Finding;
    const facts = findingFacts(finding);
    expect(facts.userName).toBe('eve');
    expect(facts.region).toBeUndefined();
    expect(facts.modelId).toBeUndefined();
  });
});
