import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the invocation-probing rule (semantics in its README). */
export const INVOCATION_PROBING_ID = 'aws-bedrock-invocation-probing';

/** What the invocation-probing rule is, for findings and for people. */
export const invocationProbingMeta: DetectorMeta = {
  id: INVOCATION_PROBING_ID,
  title: 'AWS Bedrock Invocations of Several Models Refused for Invalid Parameters',
  version: '1.0.0',
  description:
    'One access key had invocations of at least 3 different Bedrock models refused with ValidationException within ' +
    '10 minutes. LLMjacking key checkers send deliberately invalid requests (such as max_tokens_to_sample = -1): ' +
    'a ValidationException proves the key may run that model, at no cost and without generating anything; an ' +
    'AccessDenied proves it may not. Applications send valid requests to the models they were built for.',
  severity: 'medium',
  riskScore: 47,
  attack: {
    tactics: [{ id: 'TA0007', name: 'Discovery' }],
    techniques: [{ id: 'T1526', name: 'Cloud Service Discovery' }],
  },
  references: [
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html',
    'https://attack.mitre.org/techniques/T1526/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Discovery', 'Use Case: LLMjacking'],
  falsePositives: [
    'A developer trying several models with a request body built for another provider (each model family has its own format): check the person and the user agent.',
    'Model-evaluation jobs that send one prompt format to many models: except their role.',
  ],
  investigation: [
    '1. Who holds the key? `group.accessKeyId` and the principal ARN in the evidence; a long-term key (AKIA) is the usual target of key checkers.',
    '2. Which models? `details.modelIds`: sweeps across providers (Anthropic, Meta, Mistral, Amazon) in a few seconds are a script, not a person.',
    '3. From where and with what? Scripting user agents (python aiohttp, axios) from VPS or VPN addresses are suspicious.',
    '4. Did anything succeed afterwards? Successful invocations by the same key, or model-access calls (PutFoundationModelEntitlement), mean the key is being put to use.',
    '5. If unexplained, deactivate the key before it is resold.',
  ].join('\n'),
  evidenceFields: ['requestParameters.modelId'],
};
