import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the guardrail-tampering rule (semantics in its README). */
export const GUARDRAIL_TAMPERING_ID = 'aws-bedrock-guardrail-tampering';

/** What the guardrail-tampering rule is, for findings and for people. */
export const guardrailTamperingMeta: DetectorMeta = {
  id: GUARDRAIL_TAMPERING_ID,
  title: 'AWS Bedrock Guardrail Deleted or Updated',
  version: '1.0.0',
  description:
    'A Bedrock guardrail was deleted (DeleteGuardrail) or changed (UpdateGuardrail) successfully. Guardrails filter ' +
    'what models accept and return; removing or weakening one lets a stolen key generate content the account owner ' +
    'blocked — the dark role-play and other abuse LLMjacking resells.',
  severity: 'medium',
  riskScore: 47,
  attack: {
    tactics: [{ id: 'TA0005', name: 'Defense Evasion' }],
    techniques: [{ id: 'T1562.001', name: 'Impair Defenses: Disable or Modify Tools' }],
  },
  references: [
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_DeleteGuardrail.html',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_UpdateGuardrail.html',
    'https://github.com/SigmaHQ/sigma/blob/master/rules/cloud/aws/cloudtrail/aws_cloudtrail_bedrock_guardrail_deleted.yml',
    'https://github.com/SigmaHQ/sigma/blob/master/rules/cloud/aws/cloudtrail/aws_cloudtrail_bedrock_guardrail_updated.yml',
    'https://github.com/elastic/detection-rules/blob/main/rules/integrations/aws/defense_evasion_bedrock_guardrail_deleted_or_weakened.toml',
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://attack.mitre.org/techniques/T1562/001/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Defense Evasion', 'Use Case: LLMjacking'],
  falsePositives: [
    'Teams tuning their guardrails (UpdateGuardrail) or cleaning up unused ones: except the roles that own them, or suppress by `principalArn` for a day.',
    'Infrastructure code (Terraform, CloudFormation) replacing guardrails on deploy: except the deployment role.',
  ],
  investigation: [
    '1. Which guardrail? `details.guardrailIdentifier`; is it attached to production applications or agents?',
    '2. Who changed it? `group.principalArn`, the session issuer for a role, whether the key is long-term (AKIA), the source IP and user agent.',
    '3. What changed? For an update, compare the new configuration (in AWS Config or the guardrail versions) with the previous one: lowered filter strengths or removed denied topics weaken it.',
    '4. What came next? Look for invocations by the same principal or key right after the change.',
    '5. If unexplained, restore the guardrail from its last version and treat the credentials as compromised.',
  ].join('\n'),
  evidenceFields: ['requestParameters.guardrailIdentifier'],
};
