import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type RetryOptions, retryAws } from '../aws/retry-aws.ts';
import type { ObjectRef } from './object-reader.ts';
import type { PartitionCursor } from './partition-cursor.ts';
import { isIgnoredKey, trailKeyTime } from './trail-key.ts';

/** An object found by a listing, with the cursor of its partition and its file time (0 when unknown). */
export interface ListedObject extends ObjectRef {
  readonly size: number;
  readonly time: number;
  readonly cursor: PartitionCursor;
}

/** Orders listed objects by the time in their names, then by key: the k-way merge order. */
export function byFileTime(a: ListedObject, b: ListedObject): number {
  return a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Lists the objects of one partition that its cursor has not handed out:
 * one `ListObjectsV2` from the cursor's `StartAfter` (so a day's new files
 * cost one small listing, not a scan), paging lazily — the next page is
 * requested only when the consumer reached the end of this one.
 */
export async function* listNewObjects(
  s3: S3Client,
  bucket: string,
  cursor: PartitionCursor,
  startTime: number,
  pageSize: number,
  retry: RetryOptions,
): AsyncGenerator<ListedObject> {
  const { prefix } = cursor.partition;
  const startAfter = cursor.listStart(startTime);
  let token: string | undefined;
  do {
    const page = await retryAws(
      { permission: 's3:ListBucket', resource: `s3://${bucket}/${prefix}` },
      () =>
        s3.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, StartAfter: startAfter, ContinuationToken: token, MaxKeys: pageSize }),
          { abortSignal: retry.signal },
        ),
      retry,
    );
    for (const object of page.Contents ?? []) {
      const key = object.Key;
      if (key === undefined || isIgnoredKey(key) || !cursor.isNew(key, startTime)) continue;
      yield { bucket, key, size: object.Size ?? 0, time: trailKeyTime(key) ?? 0, cursor };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}
