import { type CloudWatchLogsClient, DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { callAws } from '../aws/aws-request-error.ts';

/** One configured log group. */
export interface LogGroupTarget {
  /** As configured — a name, or an ARN for another account — without `:*`; also its checkpoint key. */
  readonly identifier: string;
  /** Its ARN, which Live Tail requires; resolved at start when the group is configured by name. */
  readonly arn: string | undefined;
}

/** The `resource` the error messages name. */
export function describeLogGroup(identifier: string): string {
  return `log group ${identifier}`;
}

/**
 * Checks that the group exists, that `logs:FilterLogEvents` is allowed on it,
 * and that CloudWatch accepts the filter pattern, with a one-event query over
 * an empty time range. Throws an `AwsRequestError` naming the group and the
 * missing permission.
 */
export async function checkFilterAccess(client: CloudWatchLogsClient, identifier: string, filterPattern: string, now: number): Promise<void> {
  await callAws({ permission: 'logs:FilterLogEvents', resource: describeLogGroup(identifier) }, () =>
    client.send(
      new FilterLogEventsCommand({ logGroupIdentifier: identifier, startTime: now, endTime: now, limit: 1, ...(filterPattern !== '' && { filterPattern }) }),
    ),
  );
}

/**
 * The ARN of a group: as configured when it is one, else looked up with
 * DescribeLogGroups (`logs:DescribeLogGroups`). Throws when the group does not exist.
 */
export async function resolveLogGroupArn(client: CloudWatchLogsClient, identifier: string): Promise<string> {
  if (identifier.startsWith('arn:')) return identifier;
  const operation = { permission: 'logs:DescribeLogGroups', resource: describeLogGroup(identifier) };
  let nextToken: string | undefined;
  do {
    const page = await callAws(operation, () => client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: identifier, ...(nextToken && { nextToken }) })));
    const group = page.logGroups?.find((candidate) => candidate.logGroupName === identifier);
    if (group) return group.logGroupArn ?? (group.arn ?? '').replace(/:\*$/, '');
    nextToken = page.nextToken;
  } while (nextToken);
  throw new Error(`${describeLogGroup(identifier)} does not exist (DescribeLogGroups found no group of that name); check its name and the region`);
}
