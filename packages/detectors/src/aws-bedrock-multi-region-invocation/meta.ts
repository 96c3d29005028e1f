import type { DetectorMeta } from '@jackwatch/core';

/** Rule id of the multi-region-invocation rule (semantics in its README). */
export const MULTI_REGION_ID = 'aws-bedrock-multi-region-invocation';

/** What the multi-region-invocation rule is, for findings and for people. */
export const multiRegionMeta: DetectorMeta = {
  id: MULTI_REGION_ID,
  title: 'AWS Bedrock Models Invoked in Several Regions by One Key',
  version: '1.0.0',
  description:
    'One access key ran Bedrock models successfully in at least 3 different regions within an hour. Applications call ' +
    'Bedrock from the regions they are deployed in (cross-region inference profiles keep the calling region in ' +
    'awsRegion), while LLMjacking proxies spread a stolen key over every region where a model is enabled to multiply ' +
    'its quota — and the victim\'s bill.',
  severity: 'high',
  riskScore: 73,
  attack: {
    tactics: [
      { id: 'TA0040', name: 'Impact' },
      { id: 'TA0005', name: 'Defense Evasion' },
    ],
    techniques: [
      { id: 'T1496.004', name: 'Resource Hijacking: Cloud Service Hijacking' },
      { id: 'T1535', name: 'Unused/Unsupported Cloud Regions' },
    ],
  },
  references: [
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://permiso.io/blog/exploiting-hosted-models',
    'https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html',
    'https://attack.mitre.org/techniques/T1496/004/',
    'https://attack.mitre.org/techniques/T1535/',
  ],
  tags: ['Domain: Cloud', 'Domain: LLM', 'Data Source: AWS CloudTrail', 'Tactic: Impact', 'Tactic: Defense Evasion', 'Use Case: LLMjacking'],
  falsePositives: [
    'A multi-region application whose instances share one key (a long-term key baked into an image, say): except that key, and move it to per-region roles.',
    'Client-side failover across regions during a regional outage or throttling: check the user agent and whether the regions are the ones the application is deployed in.',
  ],
  investigation: [
    '1. Who holds the key? `group.accessKeyId` and the principal ARN in the evidence.',
    '2. Which regions and models? `details.regions` and `details.modelIds`; regions your organization does not use are the strongest signal.',
    '3. From where? Different source IPs per region (`details.sourceIps`) suggest a proxy pool; compare the user agent with the owner\'s usual one.',
    '4. How much? Count the key\'s invocations in each region since its first one, and check the Bedrock bill per region.',
    '5. If unexplained, deactivate the key; consider an SCP that denies Bedrock in regions you do not use.',
  ].join('\n'),
  evidenceFields: ['requestParameters.modelId'],
};
