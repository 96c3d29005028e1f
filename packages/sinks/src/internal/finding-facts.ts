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
  const fromGroup = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = text(group[key]);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const first = (pick: (record: CloudTrailRecord) => unknown): string | undefined => {
    for (const record of finding.evidence) {
      if (typeof record !== 'object' || record === null) continue;
      const value = text(pick(record));
      if (value !== undefined) return value;
    }
    return undefined;
  };
  return {
    accessKeyId: fromGroup('accessKeyId') ?? first((r) => r.userIdentity?.accessKeyId),
    userName: fromGroup('userName', 'user') ?? first(userNameOf),
    principalArn: fromGroup('principalArn') ?? first((r) => r.userIdentity?.arn),
    account: fromGroup('account', 'vendor_account') ?? first((r) => text(r.recipientAccountId) ?? r.userIdentity?.accountId),
    region: fromGroup('region', 'vendor_region') ?? first((r) => r.awsRegion),
    sourceIp: fromGroup('sourceIp', 'src') ?? first((r) => r.sourceIPAddress),
    userAgent: fromGroup('userAgent', 'user_agent') ?? first((r) => r.userAgent),
    modelId: first((r) => r.requestParameters?.['modelId']),
  };
}

/** Evidence records are raw input: any field may hold any type, so only non-empty strings are taken. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function userNameOf(record: CloudTrailRecord): unknown {
  const identity = record.userIdentity;
  return text(identity?.userName) ?? text(identity?.sessionContext?.sessionIssuer?.userName) ?? text(identity?.arn)?.split('/').pop();
}
