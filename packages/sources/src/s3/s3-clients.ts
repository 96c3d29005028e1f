import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '@jackwatch/core';
import { type AwsClientOverrides, awsClientConfig } from '../aws/aws-client-config.ts';
import { observeCommands } from '../aws/observe-commands.ts';
import type { S3SourceConfig, S3SqsConfig } from './config.ts';

/** The S3 client of the source: adaptive retries, path-style when asked, sockets for `concurrency` downloads plus listings. */
export function createS3Client(config: S3SourceConfig, logger: Logger, overrides: AwsClientOverrides): S3Client {
  const maxSockets = config.concurrency * 2 + 16;
  const client = new S3Client({
    ...awsClientConfig(config, logger, overrides),
    // S3-compatible stores and emulators mostly serve path-style only.
    forcePathStyle: config.forcePathStyle ?? config.endpoint !== undefined,
    followRegionRedirects: true,
    requestHandler: { httpAgent: { maxSockets, keepAlive: true }, httpsAgent: { maxSockets, keepAlive: true } },
  });
  return observeCommands(client, overrides.onCommand);
}

/**
 * The SQS client of the source. It talks to the queue URL's own host unless
 * `sqsEndpoint` says otherwise, and takes the region from an AWS queue URL
 * (`https://sqs.<region>.amazonaws.com/…`) when `region` is not set.
 */
export function createSqsClient(config: S3SqsConfig, logger: Logger, overrides: AwsClientOverrides): SQSClient {
  const queue = new URL(config.queueUrl);
  const region = config.region ?? /^sqs\.([a-z0-9-]+)\.amazonaws\.com/.exec(queue.host)?.[1];
  const client = new SQSClient({
    ...awsClientConfig({ ...config, region, endpoint: config.sqsEndpoint ?? queue.origin }, logger, overrides),
  });
  return observeCommands(client, overrides.onCommand);
}
