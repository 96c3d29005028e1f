import { type AwsErrorKind, awsErrorCode, awsErrorKind } from './aws-error-kind.ts';

/** One AWS call as a person would name it: the IAM action it needs and what it touches. */
export interface AwsOperation {
  /** The IAM permission the call needs, e.g. `s3:ListBucket`, `sqs:ReceiveMessage`, `logs:FilterLogEvents`. */
  readonly permission: string;
  /** The resource, e.g. `s3://my-trail-bucket`, `s3://bucket/key`, a queue URL or a log group. */
  readonly resource: string;
}

/**
 * An AWS call that failed, with one sentence that says what to fix: for
 * `AccessDenied` it names the resource and the missing IAM permission. The
 * SDK's error stays available as `cause`.
 */
export class AwsRequestError extends Error {
  override readonly name = 'AwsRequestError';
  readonly kind: AwsErrorKind;
  /** The AWS error code, e.g. `AccessDenied`. */
  readonly code: string;
  readonly permission: string;
  readonly resource: string;

  constructor(error: unknown, operation: AwsOperation) {
    const kind = awsErrorKind(error);
    const code = awsErrorCode(error);
    super(explain(kind, code, operation, error), { cause: error });
    this.kind = kind;
    this.code = code;
    this.permission = operation.permission;
    this.resource = operation.resource;
  }

  /** True when retrying later cannot help: fix the permissions, credentials, names or config first. */
  get permanent(): boolean {
    return this.kind === 'access-denied' || this.kind === 'credentials' || this.kind === 'configuration';
  }
}

/**
 * Runs one AWS call and rethrows any failure as an {@link AwsRequestError}
 * naming the operation. Use it around every SDK `send`.
 *
 * @example
 * ```ts
 * await callAws({ permission: 's3:ListBucket', resource: `s3://${bucket}` }, () => s3.send(new ListObjectsV2Command(input)));
 * ```
 */
export async function callAws<T>(operation: AwsOperation, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof AwsRequestError ? error : new AwsRequestError(error, operation);
  }
}

function explain(kind: AwsErrorKind, code: string, { permission, resource }: AwsOperation, error: unknown): string {
  const detail = error instanceof Error && error.message !== '' && error.message !== code ? `: ${error.message}` : '';
  switch (kind) {
    case 'access-denied':
      return `access denied to ${resource} (${code}): the AWS credentials in use need ${permission} on ${resource}; grant it in their IAM policy and check that no bucket/queue policy, SCP or KMS key policy denies it`;
    case 'credentials':
      return `AWS credentials were missing or rejected (${code}) calling ${permission} on ${resource}${detail}; check AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the instance role`;
    case 'not-found':
      return `${resource} does not exist (${code}) calling ${permission}; check its name and the region`;
    case 'configuration':
      return `cannot call ${permission} on ${resource}: no AWS region; set "region" in the config or AWS_REGION`;
    default:
      return `${permission} on ${resource} failed (${code})${detail}`;
  }
}
