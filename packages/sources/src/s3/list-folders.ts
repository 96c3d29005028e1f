import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type RetryOptions, retryAws } from '../aws/retry-aws.ts';

/**
 * The names of the "folders" directly under `prefix` (S3 common prefixes
 * with delimiter `/`), e.g. `['111122223333', 'o-a1b2c3d4e5']` under
 * `AWSLogs/`. Pages through the listing; holds only the names.
 */
export async function listFolders(s3: S3Client, bucket: string, prefix: string, retry: RetryOptions): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await retryAws(
      { permission: 's3:ListBucket', resource: `s3://${bucket}/${prefix}` },
      () =>
        s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token }), {
          abortSignal: retry.signal,
        }),
      retry,
    );
    for (const common of page.CommonPrefixes ?? []) {
      if (common.Prefix?.startsWith(prefix)) names.push(common.Prefix.slice(prefix.length).replace(/\/$/, ''));
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return names;
}
