import { findingId, type CloudTrailRecord, type Finding } from '@jackwatch/core';

const DETECTOR = 'aws-bedrock-enum-then-invoke-long-term-key';

/** Options of {@link ruleAFinding}. */
export interface RuleAFindingOptions {
  /** Makes ids and event ids distinct: findings `n` and `m ≠ n` never share an id. */
  readonly n?: number;
  readonly accessKeyId?: string;
  readonly modelId?: string;
}

/**
 * A realistic rule A finding (enumeration then invocation with a long-term
 * key): a successful ListFoundationModels, then an InvokeModel of a Claude
 * model 4 minutes later, from the same AKIA key, IP and user agent.
 */
export function ruleAFinding(options: RuleAFindingOptions = {}): Finding {
  const n = options.n ?? 0;
  const accessKeyId = options.accessKeyId ?? 'AKIAIOSFODNN7EXAMPLE';
  const modelId = options.modelId ?? 'anthropic.claude-3-5-sonnet-20240620-v1:0';
  const listEventId = `8c2d5f0e-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const invokeEventId = `9e4b1a7c-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const identity = {
    type: 'IAMUser',
    principalId: 'AIDAJQABLZS4A3QDU576Q',
    arn: 'arn:aws:iam::123456789012:user/ci-deployer',
    accountId: '123456789012',
    accessKeyId,
    userName: 'ci-deployer',
  };
  const common = {
    eventVersion: '1.09',
    userIdentity: identity,
    eventSource: 'bedrock.amazonaws.com',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.77',
    userAgent: 'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 lang/python#3.12.1',
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '123456789012',
  };
  const list: CloudTrailRecord = {
    ...common,
    eventTime: '2026-03-14T02:11:05Z',
    eventName: 'ListFoundationModels',
    requestParameters: null,
    responseElements: null,
    requestID: `3f1e-list-${n}`,
    eventID: listEventId,
  };
  const invoke: CloudTrailRecord = {
    ...common,
    eventTime: '2026-03-14T02:15:41Z',
    eventName: 'InvokeModel',
    requestParameters: { modelId },
    responseElements: null,
    requestID: `3f1e-invoke-${n}`,
    eventID: invokeEventId,
  };
  return {
    id: findingId(DETECTOR, listEventId),
    detector: { id: DETECTOR, title: 'AWS Bedrock model enumeration then invocation with a long-term key', version: '1.0.0' },
    severity: 'high',
    riskScore: 73,
    attack: {
      tactics: [
        { id: 'TA0007', name: 'Discovery' },
        { id: 'TA0001', name: 'Initial Access' },
      ],
      techniques: [
        { id: 'T1580', name: 'Cloud Infrastructure Discovery' },
        { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
      ],
    },
    time: '2026-03-14T02:15:41.000Z',
    firstTime: '2026-03-14T02:11:05.000Z',
    lastTime: '2026-03-14T02:15:41.000Z',
    group: { accessKeyId, userName: 'ci-deployer', sourceIp: '203.0.113.77', account: '123456789012', region: 'us-east-1' },
    summary: `Long-term key ${accessKeyId} (ci-deployer) listed Bedrock foundation models and invoked ${modelId} 4 minutes later from 203.0.113.77`,
    evidence: [list, invoke],
    references: ['https://www.elastic.co/guide/en/security/current/aws-bedrock-enumeration-then-invocation.html'],
    details: { modelId, enumerationEventId: listEventId, invocationEventId: invokeEventId },
  };
}

/** `count` distinct rule A findings. */
export function ruleAFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, n) => ruleAFinding({ n }));
}
