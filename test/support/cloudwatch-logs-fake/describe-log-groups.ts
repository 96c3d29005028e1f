import type { FakeLogStore } from './fake-log-store.ts';

/** The request fields of `Logs_20140328.DescribeLogGroups` the fake honours. */
export interface DescribeLogGroupsInput {
  readonly logGroupNamePrefix?: string;
  readonly logGroupIdentifiers?: readonly string[];
}

/**
 * Answers DescribeLogGroups with every matching group on one page, with both
 * ARN forms CloudWatch returns: `arn` (ending in `:*`) and `logGroupArn`.
 */
export function describeLogGroups(store: FakeLogStore, input: DescribeLogGroupsInput): unknown {
  const groups = store
    .groups()
    .filter((group) => input.logGroupNamePrefix === undefined || group.name.startsWith(input.logGroupNamePrefix))
    .filter((group) => input.logGroupIdentifiers === undefined || input.logGroupIdentifiers.some((id) => store.find(id) === group));
  return {
    logGroups: groups.map((group) => ({
      logGroupName: group.name,
      arn: `${group.arn}:*`,
      logGroupArn: group.arn,
      creationTime: 0,
      storedBytes: group.events.reduce((sum, event) => sum + Buffer.byteLength(event.message), 0),
    })),
  };
}
