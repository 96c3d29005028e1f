/**
 * AWS wiring shared by the AWS-backed sources (s3, cloudwatch-logs): client
 * settings (region, endpoint, profile, default credential chain, adaptive
 * retries, SDK logs into the component logger), and errors that name the
 * resource and the missing IAM permission.
 *
 * @packageDocumentation
 */
export { awsConnectionShape, blankAsUnset } from './aws-connection.ts';
export type { AwsConnection } from './aws-connection.ts';
export { awsClientConfig } from './aws-client-config.ts';
export type { AwsClientConfig, AwsClientOverrides, CredentialsProvider, StaticCredentials } from './aws-client-config.ts';
export type { AwsCommandCall, AwsCommandObserver } from './observe-commands.ts';
export { awsErrorCode, awsErrorKind } from './aws-error-kind.ts';
export type { AwsErrorKind } from './aws-error-kind.ts';
export { AwsRequestError, callAws } from './aws-request-error.ts';
export type { AwsOperation } from './aws-request-error.ts';
export { retryAws } from './retry-aws.ts';
export type { RetryOptions } from './retry-aws.ts';
export { sdkLogger } from './sdk-logger.ts';
export type { SdkLogger } from './sdk-logger.ts';
