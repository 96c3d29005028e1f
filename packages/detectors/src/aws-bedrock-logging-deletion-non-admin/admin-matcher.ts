import { globMatcher, type TrailEvent } from '@jackwatch/core';
import { sessionIssuerArnOf } from '../internal/bedrock.ts';

/**
 * Whether an event's principal is an administrator: its `userIdentity.arn`
 * or, for a role session, its session issuer's role ARN matches one of the
 * patterns. A principal with neither ARN (an AWS service) is not an admin.
 *
 * @example `adminMatcher(['arn:aws:iam::*:role/platform-*'])(event)`
 */
export function adminMatcher(patterns: readonly string[]): (event: TrailEvent) => boolean {
  const matches = globMatcher(patterns);
  return (event) => {
    if (event.principalArn !== undefined && matches(event.principalArn)) return true;
    const issuer = sessionIssuerArnOf(event);
    return issuer !== undefined && matches(issuer);
  };
}
