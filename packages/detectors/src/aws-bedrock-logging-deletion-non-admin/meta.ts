import type { DetectorMeta } from '@jackwatch/core';
import { loggingDeletionAttack, loggingDeletionInvestigation, loggingDeletionReferences } from '../aws-bedrock-logging-deletion/meta.ts';

/** Rule id of the non-admin logging-deletion rule (rule B, medium; semantics in its README). */
export const NON_ADMIN_DELETION_ID = 'aws-bedrock-logging-deletion-non-admin';

/** What rule B (medium, non-admin) is, for findings and for people. */
export const nonAdminDeletionMeta: DetectorMeta = {
  id: NON_ADMIN_DELETION_ID,
  title: 'AWS Bedrock Model Invocation Logging Deleted by a Non-Admin Principal',
  version: '1.0.0',
  description:
    'A principal that is not one of the configured administrators called DeleteModelInvocationLoggingConfiguration ' +
    '(successfully or not). Turning Bedrock invocation logging off is an administrative change; from anyone else ' +
    'it suggests stolen credentials hiding their model usage. By default an administrator is a user or role ' +
    'whose name contains "admin"; list your own with `admins`.',
  severity: 'medium',
  riskScore: 47,
  attack: loggingDeletionAttack,
  references: loggingDeletionReferences,
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Defense Evasion', 'Use Case: LLMjacking'],
  falsePositives: [
    'Administrators whose user or role names do not contain "admin" (platform, ops or deployment roles): list them in `admins`.',
    'Automation tearing down test accounts.',
  ],
  investigation: loggingDeletionInvestigation,
};
