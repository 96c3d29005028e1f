import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { probeCheck, type ComponentContext, type ProbeOptions, type ProbeResult } from '@jackwatch/core';
import { callAws } from '../aws/aws-request-error.ts';
import type { S3SourceConfig } from '../s3/config.ts';
import { createS3Client, createSqsClient } from '../s3/s3-clients.ts';
import { probeAwsCredentials } from './aws-credentials-probe.ts';

/**
 * The `probe` of the `s3` source: credentials resolve, the bucket answers
 * `HeadBucket` (which needs `s3:ListBucket`), and in SQS mode the queue
 * answers `GetQueueAttributes`. Reads no object and receives no message.
 * One attempt per call: a probe reports, it does not retry.
 */
export async function probeS3Source(config: S3SourceConfig, context: ComponentContext, options: ProbeOptions): Promise<ProbeResult[]> {
  const once = { ...config, maxAttempts: 1 };
  const s3 = createS3Client(once, context.logger, {});
  const sqs = once.queueUrl === undefined ? undefined : createSqsClient({ ...once, queueUrl: once.queueUrl }, context.logger, {});
  try {
    const results = [await probeAwsCredentials(s3, options)];
    const { bucket, queueUrl } = config;
    if (bucket !== undefined) {
      results.push(
        await probeCheck(
          `s3:HeadBucket s3://${bucket}`,
          options.timeoutMs,
          async (signal) => {
            await callAws({ permission: 's3:ListBucket', resource: `s3://${bucket}` }, () => s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal }));
            return 'reachable, s3:ListBucket allowed';
          },
          options.signal,
        ),
      );
    }
    if (sqs !== undefined && queueUrl !== undefined) {
      results.push(
        await probeCheck(
          `sqs:GetQueueAttributes ${queueUrl}`,
          options.timeoutMs,
          async (signal) => {
            const { Attributes: attributes } = await callAws({ permission: 'sqs:GetQueueAttributes', resource: queueUrl }, () =>
              sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy'] }), { abortSignal: signal }),
            );
            return attributes?.RedrivePolicy === undefined ? 'reachable; it has no redrive policy, give it a dead-letter queue' : 'reachable';
          },
          options.signal,
        ),
      );
    }
    return results;
  } finally {
    s3.destroy();
    sqs?.destroy();
  }
}
