import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the model-access-by-long-term-key rule (semantics in its README). */
export const MODEL_ACCESS_ID = 'aws-bedrock-model-access-long-term-key';

/** What the model-access rule is, for findings and for people. */
export const modelAccessMeta: DetectorMeta = {
  id: MODEL_ACCESS_ID,
  title: 'AWS Bedrock Model Access Checked or Granted via Long-Term Key',
  version: '1.0.0',
  description:
    'A long-term IAM user access key (AKIA…) checked or changed access to a Bedrock foundation model ' +
    '(GetFoundationModelAvailability, GetUseCaseForModelAccess, PutUseCaseForModelAccess, CreateFoundationModelAgreement ' +
    'or PutFoundationModelEntitlement), successfully or not. These calls are made by the Bedrock console when a person ' +
    'enables a model, or by automation with a role; a static key making them is the "can I run it, can I enable it" ' +
    'step of LLMjacking scripts that run stolen keys.',
  severity: 'high',
  riskScore: 73,
  attack: {
    tactics: [
      { id: 'TA0003', name: 'Persistence' },
      { id: 'TA0001', name: 'Initial Access' },
    ],
    techniques: [
      { id: 'T1098', name: 'Account Manipulation' },
      { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
    ],
  },
  references: [
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://sysdig.com/blog/growing-dangers-of-llmjacking/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.impact.bedrock-invoke-model/',
    'https://github.com/elastic/detection-rules/blob/main/rules/integrations/aws/persistence_bedrock_foundation_model_access_enabled_or_entitlement_granted.toml',
    'https://github.com/elastic/detection-rules/blob/main/rules/integrations/aws/persistence_bedrock_foundation_model_access_denied_attempt.toml',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html',
    'https://attack.mitre.org/techniques/T1098/',
    'https://attack.mitre.org/techniques/T1078/004/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Persistence', 'Tactic: Initial Access', 'Use Case: LLMjacking'],
  falsePositives: [
    'An administrator enabling models from a script that still signs with their own IAM user key: check the owner, the source IP and the user agent, then move the script to a role.',
    'Infrastructure code run with a static deployment key that accepts model agreements: except that key or its network.',
  ],
  investigation: [
    '1. Which call, and did it work? `details.action` and `details.outcome`: a successful PutFoundationModelEntitlement or CreateFoundationModelAgreement means a model was enabled; a refused one still shows intent.',
    '2. Who owns the key? Look up `group.principalArn` and `details.accessKeyId`; ask the owner whether they enabled Bedrock models at that time.',
    '3. From where and with what? A browser user agent with a long-term key, a VPS or VPN address, or tools like `python aiohttp` or `axios` are suspicious.',
    '4. What followed? Look for invocations by the same key (InvokeModel, Converse) and their regions, and for GetModelInvocationLoggingConfiguration (checking whether prompts are logged).',
    '5. If unexplained, deactivate the key, remove the model access the key granted, and check the bill for Bedrock usage.',
  ].join('\n'),
  evidenceFields: ['requestParameters.modelId'],
};
