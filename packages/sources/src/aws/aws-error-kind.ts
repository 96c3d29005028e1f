/**
 * What an AWS SDK failure means for the caller:
 * - `access-denied`: the credentials lack an IAM permission, or a policy denies it;
 * - `credentials`: no credentials, or they are invalid or expired;
 * - `not-found`: the bucket, object, queue or log group does not exist;
 * - `configuration`: the client cannot even be used (no region);
 * - `transient`: throttling, 5xx, timeouts, broken connections — worth retrying later;
 * - `other`: anything else.
 */
export type AwsErrorKind = 'access-denied' | 'credentials' | 'not-found' | 'configuration' | 'transient' | 'other';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'Forbidden',
  'AllAccessDisabled',
  'AuthorizationError',
  'UnauthorizedOperation',
  'KMS.AccessDeniedException',
  'KMS.KMSAccessDeniedException',
  'KMSAccessDeniedException',
]);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidToken',
  'TokenRefreshRequired',
  'InvalidSignatureException',
]);
const NOT_FOUND = new Set([
  'NoSuchBucket',
  'NoSuchKey',
  'NotFound',
  'QueueDoesNotExist',
  'AWS.SimpleQueueService.NonExistentQueue',
  'ResourceNotFoundException',
]);
// 403s that are not about permissions: an archived object, a request the server refuses as such.
const NOT_PERMISSION = new Set(['InvalidObjectState', 'RequestTimeTooSkewed']);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

/** The error code an SDK error carries (`name`, else `Code`, else a Node network `code`). */
export function awsErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { name?: unknown; Code?: unknown; code?: unknown };
  if (typeof e.Code === 'string' && e.Code !== '') return e.Code;
  if (typeof e.name === 'string' && e.name !== '' && e.name !== 'Error') return e.name;
  if (typeof e.code === 'string') return e.code;
  return 'Error';
}

/** Classifies an error thrown by an AWS SDK v3 client. Never throws. */
export function awsErrorKind(error: unknown): AwsErrorKind {
  const code = awsErrorCode(error);
  const status = httpStatus(error);
  if (CREDENTIALS.has(code)) return 'credentials';
  if (NOT_PERMISSION.has(code)) return 'other';
  if (ACCESS_DENIED.has(code) || status === 403) return 'access-denied';
  if (NOT_FOUND.has(code) || status === 404) return 'not-found';
  if (error instanceof Error && /region is missing/i.test(error.message)) return 'configuration';
  if (status !== undefined && (status >= 500 || status === 429)) return 'transient';
  if (NETWORK.has(code) || (typeof error === 'object' && error !== null && '$retryable' in error)) return 'transient';
  if (error instanceof Error && /socket hang up|ECONNRESET|ECONNREFUSED|timed? ?out/i.test(error.message)) return 'transient';
  return 'other';
}

function httpStatus(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}
