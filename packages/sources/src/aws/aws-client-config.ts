import type { Logger } from '@jackwatch/core';
import type { AwsConnection } from './aws-connection.ts';
import type { AwsCommandObserver } from './observe-commands.ts';
import { type SdkLogger, sdkLogger } from './sdk-logger.ts';

/** Static AWS credentials. Only embedders and tests pass these; the agent uses the default chain. */
export interface StaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A function that resolves credentials, as the SDK's credential providers do. */
export type CredentialsProvider = () => Promise<StaticCredentials>;

/** What an embedder may inject when building clients, beside the config. */
export interface AwsClientOverrides {
  /** Replaces the default credential chain (tests, embedders with their own provider). */
  readonly credentials?: StaticCredentials | CredentialsProvider;
  /** Told every command the clients send (tests: which IAM actions a source needs). */
  readonly onCommand?: AwsCommandObserver;
}

/**
 * Settings accepted by every AWS SDK v3 client constructor (S3, SQS,
 * CloudWatch Logs): pass them as `new S3Client({ ...awsClientConfig(…), forcePathStyle })`.
 */
export interface AwsClientConfig {
  readonly region?: string;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly credentials?: StaticCredentials | CredentialsProvider;
  /** Always `adaptive`: retries throttling, 5xx and timeouts with backoff and client-side rate limiting. */
  readonly retryMode: 'adaptive';
  readonly maxAttempts: number;
  readonly logger: SdkLogger;
}

/**
 * Builds the client settings for one AWS service from the shared connection
 * options. Without `overrides.credentials` the SDK's default chain resolves
 * credentials (environment, `AWS_PROFILE`/`profile`, web identity, ECS, IMDS),
 * lazily, at the first request.
 *
 * @example
 * ```ts
 * const s3 = new S3Client({ ...awsClientConfig(config, context.logger), forcePathStyle: config.forcePathStyle });
 * ```
 */
export function awsClientConfig(connection: AwsConnection, logger: Logger, overrides: AwsClientOverrides = {}): AwsClientConfig {
  return {
    ...(connection.region !== undefined && { region: connection.region }),
    ...(connection.endpoint !== undefined && { endpoint: connection.endpoint }),
    ...(connection.profile !== undefined && { profile: connection.profile }),
    ...(overrides.credentials !== undefined && { credentials: overrides.credentials }),
    retryMode: 'adaptive',
    maxAttempts: connection.maxAttempts,
    logger: sdkLogger(logger),
  };
}
