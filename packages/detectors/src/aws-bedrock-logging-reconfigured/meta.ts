import type { DetectorMeta } from '@jackwatch/core';
import { loggingDeletionAttack } from '../aws-bedrock-logging-deletion/meta.ts';

/** Rule id of the logging-reconfiguration rule (semantics in its README). */
export const LOGGING_RECONFIGURED_ID = 'aws-bedrock-logging-reconfigured';

/** What the logging-reconfiguration rule is, for findings and for people. */
export const loggingReconfiguredMeta: DetectorMeta = {
  id: LOGGING_RECONFIGURED_ID,
  title: 'AWS Bedrock Model Invocation Logging Reconfigured',
  version: '1.0.0',
  description:
    'Someone called PutModelInvocationLoggingConfiguration, successfully or not: where Bedrock writes prompts and ' +
    'completions (a CloudWatch Logs group, an S3 bucket) and which kinds of data it logs were set or changed. ' +
    'Redirecting the logs to a destination the attacker controls, or turning text delivery off, hides what a stolen ' +
    'key is used for while leaving logging nominally on.',
  severity: 'medium',
  riskScore: 47,
  attack: loggingDeletionAttack,
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutModelInvocationLoggingConfiguration.html',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
    'https://github.com/elastic/detection-rules/blob/main/rules/integrations/aws/defense_evasion_bedrock_model_invocation_logging_disabled_or_modified.toml',
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://attack.mitre.org/techniques/T1562/008/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Defense Evasion', 'Use Case: LLMjacking'],
  falsePositives: [
    'Administrators or infrastructure code (Terraform, CloudFormation) setting up or changing invocation logging: except the deployment role, and compare `details.loggingConfig` with the intended destinations.',
  ],
  investigation: [
    '1. What changed? `details.loggingConfig` holds the new destinations (log group, S3 bucket, role) and which data kinds are delivered; compare them with your standard configuration.',
    '2. Did it work? `details.outcome`; a refused attempt (`details.errorCode`) still shows intent.',
    '3. Who was it? `group.principalArn`, the session issuer for a role, whether the key is long-term (AKIA), the source IP and user agent.',
    '4. Is the destination yours? A bucket or log group in another account, or one nobody reads, means the logs are being diverted.',
    '5. What came next? Look for invocations by the same principal after the change; if unexplained, restore the configuration and treat the credentials as compromised.',
  ].join('\n'),
  evidenceFields: ['requestParameters.loggingConfig'],
};
