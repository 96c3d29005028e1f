import type { DetectorMeta } from '@jackwatch/core';

/** Rule id (and detector type) of the new-origin rule. Vendor-prefixed, so it cannot collide with first-party types. */
export const NEW_ORIGIN_ID = 'acme-bedrock-new-origin';

/** What the rule is, for findings and for people. */
export const newOriginMeta: DetectorMeta = {
  id: NEW_ORIGIN_ID,
  title: 'AWS Bedrock Invoked by a Long-Term Key from a New Origin',
  version: '1.0.0',
  description:
    'A long-term IAM user access key (AKIA…) invoked a Bedrock model from a source IP or with a user agent that ' +
    'the key had not invoked Bedrock from in the last 7 days. Stolen keys are used from the attacker\'s ' +
    'infrastructure (VPS, proxies, scripts), not from the victim\'s build servers: a known key suddenly running ' +
    'models from somewhere new is how LLMjacking looks from the victim\'s side. A key\'s first invocation ' +
    '(after 7 quiet days) only starts its baseline.',
  severity: 'medium',
  riskScore: 47,
  attack: {
    tactics: [
      { id: 'TA0001', name: 'Initial Access' },
      { id: 'TA0040', name: 'Impact' },
    ],
    techniques: [
      { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
      { id: 'T1496.004', name: 'Resource Hijacking: Cloud Service Hijacking' },
    ],
  },
  references: [
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://www.elastic.co/guide/en/security/current/rules-ui-create.html#create-new-terms-rule',
    'https://attack.mitre.org/techniques/T1496/004/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Use Case: LLMjacking', 'Rule Type: New Terms'],
  falsePositives: [
    'A developer travelling, or a build agent moved to a new network or region.',
    'An SDK or CLI upgrade changes the full user agent: use `userAgent: product` to compare only the product name.',
    'A new server deployed with an existing key: set `learning` or except the deployment network by CIDR.',
  ],
  investigation: [
    '1. Compare `details.sourceIp` with `details.knownSourceIps`: same provider or network, or a VPS / anonymising proxy?',
    '2. Compare the user agent with the known ones: a script library (python-requests, curl) where the key used to run an SDK is a red flag.',
    '3. Look at what the key did just before from the same IP: ListFoundationModels, GetModelInvocationLoggingConfiguration and GetFoundationModelAvailability are LLMjacking reconnaissance.',
    '4. Check the invocation volume and the model ids after the finding: Claude models at high rates are the usual target.',
    '5. If unexplained, deactivate the key (aws iam update-access-key --status Inactive) and rotate it.',
  ].join('\n'),
};
