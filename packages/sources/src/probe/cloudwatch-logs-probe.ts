import { type CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { probeCheck, type ComponentContext, type ProbeOptions, type ProbeResult } from '@jackwatch/core';
import { callAws } from '../aws/aws-request-error.ts';
import { createCloudWatchLogsClient } from '../cloudwatch-logs/cloudwatch-logs-client.ts';
import type { CloudWatchLogsSourceConfig } from '../cloudwatch-logs/config.ts';
import { describeLogGroup } from '../cloudwatch-logs/log-group-target.ts';
import { probeAwsCredentials } from './aws-credentials-probe.ts';

// A name prefix shared by many groups pages through them; past this many pages the probe says so instead of going on.
const MAX_PAGES = 10;

/**
 * The `probe` of the `cloudwatch-logs` source: credentials resolve, and each
 * log group is found by `DescribeLogGroups` (`logs:DescribeLogGroups`).
 * Reads no log event. One attempt per call.
 */
export async function probeCloudWatchLogsSource(config: CloudWatchLogsSourceConfig, context: ComponentContext, options: ProbeOptions): Promise<ProbeResult[]> {
  const client = createCloudWatchLogsClient({ ...config, maxAttempts: 1 }, context.logger);
  try {
    const results = [await probeAwsCredentials(client, options)];
    for (const group of config.logGroups) {
      results.push(await probeCheck(`logs:DescribeLogGroups ${group}`, options.timeoutMs, (signal) => findLogGroup(client, group, signal), options.signal));
    }
    return results;
  } finally {
    client.destroy();
  }
}

async function findLogGroup(client: CloudWatchLogsClient, identifier: string, signal: AbortSignal): Promise<string> {
  const operation = { permission: 'logs:DescribeLogGroups', resource: describeLogGroup(identifier) };
  const byArn = identifier.startsWith('arn:');
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const input = byArn ? { logGroupIdentifiers: [identifier] } : { logGroupNamePrefix: identifier, ...(nextToken && { nextToken }) };
    const answer = await callAws(operation, () => client.send(new DescribeLogGroupsCommand(input), { abortSignal: signal }));
    const found = answer.logGroups?.some((group) => (byArn ? (group.logGroupArn ?? group.arn?.replace(/:\*$/, '')) === identifier : group.logGroupName === identifier));
    if (found) return 'exists, logs:DescribeLogGroups allowed';
    nextToken = answer.nextToken;
    if (byArn || nextToken === undefined) break;
  }
  throw new Error(`${describeLogGroup(identifier)} was not found by DescribeLogGroups; check its name and the region`);
}
