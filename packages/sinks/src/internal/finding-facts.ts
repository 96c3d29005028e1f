import type { CloudTrailRecord, Finding } from '@jackwatch/core';

/** The who/where/what of a finding, from its group fields, else from its evidence records. */
export interface FindingFacts {
  readonly accessKeyId: string | undefined;
  readonly userName: string | undefined;
  readonly principalArn: string | undefined;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly sourceIp: string | undefined;
  readonly userAgent: string | undefined;
  /** `requestParameters.modelId` of the first evidence record that names a model. */
  readonly modelId: string | undefined;
}

/**
 * Extracts the facts sinks show or map to attributes. Group fields win (the
 * detector chose them); evidence records fill the gaps, as the decoder would.
 */
export function findingFacts(finding: Finding): FindingFacts {
  const group = finding.group;
  const first = <T>(pick: (record: CloudTrailRecord) => T | undefined): T | undefined => {
    for (const record of finding.evidence) {
      const value = pick(record);
      if (value !== undefined && value !== null && value !== '') return value;
    }
    return undefined;
  };
  return {
    accessKeyId: group['accessKeyId'] ?? first((r) => r.userIdentity?.accessKeyId),
    userName: group['userName'] ?? group['user'] ?? first(userNameOf),
    principalArn: group['principalArn'] ?? first((r) => r.userIdentity?.arn),
    account: group['account'] ?? group['vendor_account'] ?? first((r) => r.recipientAccountId ?? r.userIdentity?.accountId),
    region: group['region'] ?? group['vendor_region'] ?? first((r) => r.awsRegion),
    sourceIp: group['sourceIp'] ?? group['src'] ?? first((r) => r.sourceIPAddress),
    userAgent: group['userAgent'] ?? group['user_agent'] ?? first((r) => r.userAgent),
    modelId: first(modelIdOf),
  };
}

function userNameOf(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  return identity?.userName ?? identity?.sessionContext?.sessionIssuer?.userName ?? identity?.arn?.split('/').pop();
}

function modelIdOf(record: CloudTrailRecord): string | undefined {
  const modelId = record.requestParameters?.['modelId'];
  return typeof modelId === 'string' ? modelId : undefined;
}
