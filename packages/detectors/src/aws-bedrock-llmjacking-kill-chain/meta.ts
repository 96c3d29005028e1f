import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the LLMjacking kill-chain rule (semantics in its README). */
export const KILL_CHAIN_ID = 'aws-bedrock-llmjacking-kill-chain';

/** What the kill-chain rule is, for findings and for people. */
export const killChainMeta: DetectorMeta = {
  id: KILL_CHAIN_ID,
  title: 'AWS Bedrock LLMjacking Kill Chain',
  version: '1.0.0',
  description:
    'One access key went through at least 3 of the 4 stages of the LLMjacking playbook within 24 hours: discovery ' +
    '(ListFoundationModels, GetFoundationModelAvailability, ListFoundationModelAgreementOffers, ListInferenceProfiles), ' +
    'a logging check (GetModelInvocationLoggingConfiguration), enablement (PutUseCaseForModelAccess, ' +
    'CreateFoundationModelAgreement, PutFoundationModelEntitlement) and a successful invocation. Each step alone has ' +
    'benign explanations; a key that looks around, checks whether it is watched, enables models and runs them is ' +
    'being used the way stolen keys are. The finding links the other findings its evidence proves.',
  severity: 'critical',
  riskScore: 99,
  attack: {
    tactics: [
      { id: 'TA0007', name: 'Discovery' },
      { id: 'TA0003', name: 'Persistence' },
      { id: 'TA0040', name: 'Impact' },
    ],
    techniques: [
      { id: 'T1580', name: 'Cloud Infrastructure Discovery' },
      { id: 'T1518.001', name: 'Software Discovery: Security Software Discovery' },
      { id: 'T1098', name: 'Account Manipulation' },
      { id: 'T1496.004', name: 'Resource Hijacking: Cloud Service Hijacking' },
    ],
  },
  references: [
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://sysdig.com/blog/growing-dangers-of-llmjacking/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.impact.bedrock-invoke-model/',
    'https://attack.mitre.org/techniques/T1496/004/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Discovery', 'Tactic: Persistence', 'Tactic: Impact', 'Use Case: LLMjacking'],
  falsePositives: [
    'A person enabling Bedrock for an account in the console: its model-access page checks availability and submits the use case, and the playground then invokes — all with one console session key. Confirm with the person; the Stratus Red Team Bedrock detonation looks the same.',
    'Onboarding automation that enables models and smoke-tests them with one role session: except that role.',
  ],
  investigation: [
    '1. Read the story: `details.stages` lists the first call of each stage in the window, in order; `details.subsumes` names the other findings it proves (their ids), so close those together with this one.',
    '2. Who holds the key? `group.accessKeyId` and the principal ARN in the evidence; a long-term key (AKIA) or a session from an unknown network is the typical case.',
    '3. From where and with what? Compare the source IPs and user agents across the stages; changes between stages suggest a key checker handing over to a proxy.',
    '4. What was enabled and run? Model ids in the enablement and invocation evidence; check which models now have access granted in the account.',
    '5. Contain: deactivate the key or revoke the sessions, remove model access that was granted, restore logging if it was changed, and check the Bedrock bill per region.',
  ].join('\n'),
  evidenceFields: ['requestParameters.modelId'],
};
