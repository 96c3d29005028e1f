/** The IAM service prefix of each AWS SDK client the sources use. */
const SERVICE_PREFIX: Readonly<Record<string, string>> = { S3Client: 's3', SQSClient: 'sqs', CloudWatchLogsClient: 'logs' };

/**
 * The S3 and SQS API calls whose IAM action is not `<prefix>:<call>`
 * (AWS's Service Authorization Reference). Every other call is authorised by
 * the action of its own name, as `logs:FilterLogEvents` is.
 */
const RENAMED: Readonly<Record<string, string>> = {
  's3:ListObjectsV2': 's3:ListBucket',
  's3:ListObjects': 's3:ListBucket',
  's3:HeadBucket': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:ListObjectVersions': 's3:ListBucketVersions',
  'sqs:ChangeMessageVisibilityBatch': 'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessageBatch': 'sqs:DeleteMessage',
  'sqs:SendMessageBatch': 'sqs:SendMessage',
};

/** The IAM action that authorises `command` sent by the SDK client named `client` (e.g. `S3Client`, `ListObjectsV2` → `s3:ListBucket`). */
export function iamActionOf(client: string, command: string): string {
  const prefix = SERVICE_PREFIX[client];
  if (prefix === undefined) throw new Error(`no IAM service prefix known for the AWS SDK client ${client}: add it to SERVICE_PREFIX`);
  const action = `${prefix}:${command}`;
  return RENAMED[action] ?? action;
}

/** The SDK client class of each `@aws-sdk/client-*` package the sources import. */
export const CLIENT_OF_PACKAGE: Readonly<Record<string, string>> = {
  '@aws-sdk/client-s3': 'S3Client',
  '@aws-sdk/client-sqs': 'SQSClient',
  '@aws-sdk/client-cloudwatch-logs': 'CloudWatchLogsClient',
};
