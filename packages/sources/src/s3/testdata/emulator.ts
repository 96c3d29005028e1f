import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';

/** Fake static credentials: tests never use the machine's. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnEXAMPLEKEYtest' } as const;
/** The region the emulator's clients sign for. */
export const TEST_REGION = 'us-east-1';

/** A running fauxqs (S3 + SQS) on 127.0.0.1 and SDK clients pointed at it. */
export interface Emulator {
  readonly endpoint: string;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  createBucket(name: string): Promise<void>;
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
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
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
