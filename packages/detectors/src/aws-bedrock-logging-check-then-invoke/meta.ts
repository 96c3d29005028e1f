import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the logging-check-then-invocation rule (semantics in its README). */
export const LOGGING_CHECK_ID = 'aws-bedrock-logging-check-then-invoke';

/** What the logging-check-then-invocation rule is, for findings and for people. */
export const loggingCheckMeta: DetectorMeta = {
  id: LOGGING_CHECK_ID,
  title: 'AWS Bedrock Invocation Logging Checked, Then a Model Invoked',
  version: '1.0.0',
  description:
    'An access key read the Bedrock model invocation logging configuration (GetModelInvocationLoggingConfiguration) and ' +
    'then ran a model (InvokeModel, InvokeModelWithResponseStream, Converse or ConverseStream) within an hour. ' +
    'LLMjacking tooling checks whether prompts and completions are logged before using a stolen key, and skips or ' +
    'resells keys by the answer; applications that just run models have no reason to look.',
  severity: 'medium',
  riskScore: 47,
  attack: {
    tactics: [
      { id: 'TA0007', name: 'Discovery' },
      { id: 'TA0040', name: 'Impact' },
    ],
    techniques: [
      { id: 'T1518.001', name: 'Software Discovery: Security Software Discovery' },
      { id: 'T1496.004', name: 'Resource Hijacking: Cloud Service Hijacking' },
    ],
  },
  references: [
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetModelInvocationLoggingConfiguration.html',
    'https://attack.mitre.org/techniques/T1518/001/',
    'https://attack.mitre.org/techniques/T1496/004/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Discovery', 'Tactic: Impact', 'Use Case: LLMjacking'],
  falsePositives: [
    'A person setting Bedrock up in the console: its settings page reads the logging configuration, and the playground then invokes a model with the same session key. Check the console user agent and the person.',
    'Compliance or posture scanners that also test model access with the same key: except the scanner role.',
  ],
  investigation: [
    '1. Who holds the key? `group.accessKeyId`, `group.userName` and the principal ARN in the evidence; is it long-term (AKIA) or a session (ASIA)?',
    '2. From where and with what? Compare the source IP and user agent of both calls with the owner\'s usual ones; scripting clients from VPS or VPN addresses are suspicious.',
    '3. Was logging on? The check\'s response is not in CloudTrail; look at the configuration itself. If it is off, the invocations\' content was not recorded.',
    '4. How much ran? Count the key\'s invocations, models and regions after the check (see the invocation-burst and multi-region rules).',
    '5. If unexplained, deactivate the key and review what else it did.',
  ].join('\n'),
  evidenceFields: ['requestParameters.modelId'],
};
