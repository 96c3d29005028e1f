import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the invocation-burst rule (semantics in its README). */
export const INVOCATION_BURST_ID = 'aws-bedrock-invocation-burst';

/** What the invocation-burst rule is, for findings and for people. */
export const invocationBurstMeta: DetectorMeta = {
  id: INVOCATION_BURST_ID,
  title: 'AWS Bedrock High Volume of Invocations of One Model by One Principal',
  version: '1.0.0',
  description:
    'One principal (userIdentity.arn) ran the same Bedrock model successfully more than 500 times within an hour. ' +
    'LLMjacking resells a stolen key\'s access through reverse proxies, which turns into thousands of invocations an ' +
    'hour of one premium model — tens of thousands of dollars a day — where legitimate workloads of that principal ' +
    'usually run far fewer.',
  severity: 'medium',
  riskScore: 47,
  attack: {
    tactics: [{ id: 'TA0040', name: 'Impact' }],
    techniques: [{ id: 'T1496.004', name: 'Resource Hijacking: Cloud Service Hijacking' }],
  },
  references: [
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://github.com/elastic/detection-rules/blob/main/rules/integrations/aws/exfiltration_bedrock_high_frequency_inference_api_probing.toml',
    'https://attack.mitre.org/techniques/T1496/004/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Impact', 'Use Case: LLMjacking'],
  falsePositives: [
    'Production applications and batch jobs that legitimately run one model at high volume: raise `threshold` or except their roles (a role session\'s ARN names the role).',
    'Load tests and model evaluations: except their principal for the duration.',
  ],
  investigation: [
    '1. Who is it? `group.principalArn`: an IAM user or an unexpected role session running a model at this rate is suspicious.',
    '2. Is this normal for it? Compare `details.count` with the principal\'s usual hourly volume for `group.modelId`.',
    '3. From where? `details.sourceIps` and `details.userAgents`: many addresses or a proxy client (python aiohttp, axios) suggest resale through a reverse proxy.',
    '4. What did it cost? Check the Bedrock bill for the model and region; look for the same key in other regions (the multi-region rule).',
    '5. If unexplained, deactivate the key or revoke the role sessions, and find where the credentials leaked.',
  ].join('\n'),
  evidenceFields: ['requestParameters.modelId'],
};
