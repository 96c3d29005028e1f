import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Logger } from '@jackwatch/core';
import { type AwsClientOverrides, awsClientConfig } from '../aws/aws-client-config.ts';
import type { AwsConnection } from '../aws/aws-connection.ts';
import { observeCommands } from '../aws/observe-commands.ts';

/**
 * Builds the CloudWatch Logs client from the shared AWS wiring (region,
 * endpoint, profile, default credential chain, adaptive retries that back off
 * `ThrottlingException` and `LimitExceededException`).
 *
 * StartLiveTail is served from a `streaming-` host prefix; with an `endpoint`
 * override (an emulator, a proxy) the prefix is turned off, or the client
 * would look up `streaming-127.0.0.1`.
 */
export function createCloudWatchLogsClient(connection: AwsConnection, logger: Logger, overrides: AwsClientOverrides = {}): CloudWatchLogsClient {
  const client = new CloudWatchLogsClient({
    ...awsClientConfig(connection, logger, overrides),
    disableHostPrefix: connection.endpoint !== undefined,
  });
  return observeCommands(client, overrides.onCommand);
}
