import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the enumeration-then-invocation rule (rule A; semantics in its README). */
export const ENUM_THEN_INVOKE_ID = 'aws-bedrock-enum-then-invoke-long-term-key';

/** What rule A is, for findings and for people. */
export const enumThenInvokeMeta: DetectorMeta = {
  id: ENUM_THEN_INVOKE_ID,
  title: 'AWS Bedrock Foundation Model Enumeration Followed by Invocation via Long-Term Key',
  version: '1.0.0',
  description:
    'A long-term IAM user access key (AKIA…) listed the Bedrock foundation models and then ran a model ' +
    '(InvokeModel, InvokeModelWithResponseStream, Converse or ConverseStream) within 15 minutes. Production ' +
    'Bedrock workloads normally run under roles with temporary credentials; a static key that first looks ' +
    'around and then spends money on inference is how stolen keys are used in LLMjacking.',
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
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html',
    'https://github.com/elastic/detection-rules/blob/main/rules/integrations/aws/discovery_bedrock_model_recon_and_invocation_via_long_term_key.toml',
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://attack.mitre.org/techniques/T1580/',
    'https://attack.mitre.org/techniques/T1078/004/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Discovery', 'Tactic: Initial Access', 'Use Case: LLMjacking'],
  falsePositives: [
    'An engineer trying Bedrock for the first time from a laptop with their own IAM user key: check that the key owner, source IP and user agent fit that story, then move the workload to a role.',
    'Scripts or CI jobs that still authenticate with a static IAM user key and list models before calling one: allow them with an exception on the key or the source network.',
  ],
  investigation: [
    '1. Who owns the key? Look up `group.accessKeyId` and `userIdentity.arn`; ask the owner whether they used Bedrock at that time.',
    '2. Where did the calls come from? Compare the source IP, its ASN and the user agent with the owner\'s usual ones; VPS, VPN or residential IPs and tools like `python aiohttp` or `axios` are suspicious.',
    '3. What ran? `details.modelIds` names the model; look for a burst of invocations by the same key and for attempts to enable models (PutFoundationModelEntitlement, CreateFoundationModelAgreement) or to check logging (GetModelInvocationLoggingConfiguration).',
    '4. Was the key exposed? Search code repositories, CI logs and secret-scanning alerts for it.',
    '5. If in doubt, deactivate the key, review everything it did since its last known-good use, and check the bill for Bedrock usage.',
  ].join('\n'),
  evidenceFields: ['requestParameters.modelId'],
};
