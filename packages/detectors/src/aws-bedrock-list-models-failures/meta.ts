import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the repeated-ListFoundationModels-failures rule (rule C; semantics in its README). */
export const LIST_MODELS_FAILURES_ID = 'aws-bedrock-list-models-failures';

/** What rule C is, for findings and for people. */
export const listModelsFailuresMeta: DetectorMeta = {
  id: LIST_MODELS_FAILURES_ID,
  title: 'AWS Bedrock High Number of ListFoundationModels Failures',
  version: '1.0.0',
  description:
    'The same caller (source IP, user, user agent, account, region) was refused ListFoundationModels more than ' +
    '9 times within one hour. Someone holding credentials with few permissions keeps probing whether Bedrock is ' +
    'usable with them — typical of a stolen key being checked before it is sold or abused for LLMjacking.',
  severity: 'medium',
  riskScore: 50,
  attack: {
    tactics: [{ id: 'TA0007', name: 'Discovery' }],
    techniques: [{ id: 'T1580', name: 'Cloud Infrastructure Discovery' }],
  },
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html',
    'https://github.com/splunk/security_content/blob/develop/detections/cloud/aws_bedrock_high_number_list_foundation_model_failures.yml',
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://attack.mitre.org/techniques/T1580/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Discovery', 'Use Case: LLMjacking'],
  falsePositives: [
    'A tool or script retrying with a role that lacks bedrock:ListFoundationModels after a policy change.',
    'Engineers testing permissions while setting Bedrock up; check for a change that explains the denials.',
  ],
  investigation: [
    '1. Who is it? `group.user` and the ARN in the evidence; is the key long-term (AKIA) or a role session?',
    '2. From where and with what? `group.src` and `group.user_agent`: an unknown network or a scripting client (python, axios, curl) is suspicious.',
    '3. What else did the key try? Look for other denied calls (sts:GetCallerIdentity, other AI services, s3:ListBuckets) around the same time — a key checker sweeps many services.',
    '4. Did anything succeed? A later successful ListFoundationModels or InvokeModel by the same identity means the attacker found a way in.',
    '5. If the identity is not expected to use Bedrock, treat its credentials as exposed: deactivate, rotate and find where they leaked.',
  ].join('\n'),
};
