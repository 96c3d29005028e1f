import type { AttackMapping, DetectorMeta } from '@jackwatch/core';

/** Rule id of the logging-deletion rule (rule B, high; semantics in its README). */
export const LOGGING_DELETION_ID = 'aws-bedrock-logging-deletion';

/** ATT&CK mapping shared by both rule B variants. */
export const loggingDeletionAttack: AttackMapping = {
  tactics: [{ id: 'TA0005', name: 'Defense Evasion' }],
  techniques: [{ id: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' }],
};

/** References shared by both rule B variants. */
export const loggingDeletionReferences: readonly string[] = [
  'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_DeleteModelInvocationLoggingConfiguration.html',
  'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
  'https://github.com/splunk/security_content/blob/develop/detections/cloud/aws_bedrock_delete_model_invocation_logging_configuration.yml',
  'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
  'https://attack.mitre.org/techniques/T1562/008/',
];

/** Investigation guide shared by both rule B variants. */
export const loggingDeletionInvestigation = [
  '1. Did it work? `details.outcome` says; a refused attempt (`details.errorCode`) still shows intent.',
  '2. Who was it? Check `userIdentity.arn`, the session issuer for a role, whether the key is long-term (AKIA) and whether MFA was used.',
  '3. Was it planned? Look for a change ticket or a matching PutModelInvocationLoggingConfiguration shortly after (a reconfiguration).',
  '4. What came next? Look for Bedrock invocations by the same principal or key after the deletion: with logging off, prompts and completions are no longer recorded.',
  '5. If unexplained, restore the logging configuration, then treat the principal\'s credentials as compromised.',
].join('\n');

/** What rule B (high) is, for findings and for people. */
export const loggingDeletionMeta: DetectorMeta = {
  id: LOGGING_DELETION_ID,
  title: 'AWS Bedrock Model Invocation Logging Deleted',
  version: '1.0.0',
  description:
    'Someone called DeleteModelInvocationLoggingConfiguration, which stops Bedrock from recording prompts, ' +
    'completions and invocation metadata for the account and region. Attackers running stolen keys check for ' +
    'and turn off this logging so that their use of the models leaves no content trail. Every attempt is ' +
    'reported, successful or refused; the finding says which.',
  severity: 'high',
  riskScore: 73,
  attack: loggingDeletionAttack,
  references: loggingDeletionReferences,
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Defense Evasion', 'Use Case: LLMjacking'],
  falsePositives: [
    'Administrators removing or replacing the logging configuration during planned maintenance or a cost clean-up.',
    'Infrastructure-as-code (Terraform, CloudFormation) destroying a test environment: except the deployment role.',
  ],
  investigation: loggingDeletionInvestigation,
};
