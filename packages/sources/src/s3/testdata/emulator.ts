import { CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';

/** Fake static credentials: tests never use the machine's. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnEXAMPLEKEYtest' } as const;
/** The region the emulator's clients sign for. */
export const TEST_REGION = 'us-east-1';

// Parts of a multipart upload: at least S3's 5 MiB, within fauxqs's 11 MiB request limit.
const PART_SIZE = 8 * 1024 * 1024;

/** A running fauxqs (S3 + SQS) on 127.0.0.1 and SDK clients pointed at it. */
export interface Emulator {
  readonly endpoint: string;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  createBucket(name: string): Promise<void>;
  /** Stores an object; one larger than fauxqs takes in one request (11 MiB) is uploaded in parts. */
  putObject(bucket: string, key: string, body: Uint8Array | string): Promise<void>;
  /** Creates a queue; with `deadLetterAfter`, also a DLQ that receives messages after that many receives. */
  createQueue(name: string, options?: { deadLetterAfter?: number; visibilitySeconds?: number }): Promise<{ queueUrl: string; dlqUrl?: string }>;
  stop(): Promise<void>;
}

/** Starts fauxqs on a free loopback port (its own `startFauxqs` binds 0.0.0.0). */
export async function startEmulator(): Promise<Emulator> {
  const app = buildApp({ logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fauxqs did not bind a TCP port');
  const endpoint = `http://127.0.0.1:${address.port}`;
  const common = { endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS };
  const s3 = new S3Client({ ...common, forcePathStyle: true });
  const sqs = new SQSClient(common);
  // fauxqs names queues `http://sqs.<region>.localhost:<port>/…`; it finds a queue by the URL's path, so use loopback.
  const loopbackQueueUrl = (url: string): string => `${endpoint}${new URL(url).pathname}`;
  return {
    endpoint,
    s3,
    sqs,
    async createBucket(name) {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    },
    async putObject(bucket, key, body) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      if (bytes.length <= PART_SIZE) {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
        return;
      }
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
      const parts: { ETag: string | undefined; PartNumber: number }[] = [];
      for (let at = 0, PartNumber = 1; at < bytes.length; at += PART_SIZE, PartNumber++) {
        const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber, Body: bytes.subarray(at, at + PART_SIZE) }));
        parts.push({ ETag, PartNumber });
      }
      await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
    },
    async createQueue(name, options = {}) {
      const attributes: Record<string, string> = { VisibilityTimeout: String(options.visibilitySeconds ?? 30) };
      let dlqUrl: string | undefined;
      if (options.deadLetterAfter !== undefined) {
        dlqUrl = loopbackQueueUrl((await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }))).QueueUrl!);
        const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
        attributes.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: options.deadLetterAfter });
      }
      const queueUrl = loopbackQueueUrl((await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!);
      return dlqUrl === undefined ? { queueUrl } : { queueUrl, dlqUrl };
    },
    async stop() {
      s3.destroy();
      sqs.destroy();
      await app.close();
    },
  };
}
