import { z } from 'zod';

/**
 * An optional setting where an empty string means "not set": what
 * `${env:NAME:-}` expands to when the variable is unset.
 */
export function blankAsUnset<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value: unknown) => (value === '' || value === null ? undefined : value), schema.optional());
}

/**
 * The connection options every AWS-backed source shares (S3, SQS, CloudWatch
 * Logs). Credentials are never configured here: they come from the SDK's
 * default chain (environment, shared profile, web identity, container or
 * instance metadata), so no secret ever sits in a config file.
 */
export const awsConnectionShape = {
  /** AWS region, e.g. `us-east-1`. Omit to use `AWS_REGION` or the profile's region. */
  region: blankAsUnset(z.string().min(1)),
  /** Endpoint override for S3-compatible stores and emulators, e.g. `http://127.0.0.1:4566`. */
  endpoint: blankAsUnset(z.url()),
  /** Named profile of the shared config/credentials files; omit for `AWS_PROFILE` or `default`. */
  profile: blankAsUnset(z.string().min(1)),
  /** Attempts per request, first try included, under the SDK's adaptive retry mode (throttling and 5xx). */
  maxAttempts: z.number().int().min(1).max(20).default(5),
};

/** The parsed form of {@link awsConnectionShape}. */
export interface AwsConnection {
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly profile?: string | undefined;
  readonly maxAttempts: number;
}
