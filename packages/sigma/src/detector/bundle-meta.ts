import type { DetectorMeta } from '@jackwatch/core';

/** The detector type name: `sigma` or `sigma/<name>` in config. */
export const SIGMA_TYPE = 'sigma';

/** What the `sigma` entry itself is; each rule carries its own meta into its findings. */
export const sigmaBundleMeta: DetectorMeta = {
  id: SIGMA_TYPE,
  title: 'Sigma rules',
  version: '1.0.0',
  description:
    'Runs Sigma rules and Sigma correlation rules written for AWS CloudTrail (logsource product aws, service cloudtrail) on the ' +
    'stream, in event time. Each rule is a detector of its own: findings carry the rule\'s name (else its id), level, ATT&CK tags ' +
    'and references.',
  severity: 'medium',
  riskScore: 47,
  attack: { tactics: [], techniques: [{ id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' }] },
  references: ['https://sigmahq.io/docs/basics/rules.html', 'https://github.com/SigmaHQ/sigma-specification'],
  tags: ['Data Source: AWS CloudTrail', 'Sigma'],
  falsePositives: ['Each rule lists its own false positives (its `falsepositives`).'],
  investigation: 'Each finding names the Sigma rule that made it (`details.rule`: title, id, file and line); read the rule, then the evidence records.',
};
