import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';

/** Fake static credentials for clients that talk to the emulator; tests never use the machine's. */
export const FAUXQS_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnEXAMPLEKEYfauxqs' } as const;
/** The region emulator clients sign for. */
export const FAUXQS_REGION = 'us-east-1';

/** Environment for a child process (the CLI) that must reach the emulator with fake credentials only. */
export function fauxqsEnvironment(): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: FAUXQS_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAUXQS_CREDENTIALS.secretAccessKey,
    AWS_REGION: FAUXQS_REGION,
    AWS_PROFILE: '',
    AWS_SESSION_TOKEN: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** A running fauxqs (S3 + SQS emulator) on 127.0.0.1, with SDK clients pointed at it. */
export interface Fauxqs {
  /** `http://127.0.0.1:<port>`: the S3 and SQS endpoint. */
  readonly endpoint: string;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  createBucket(name: string): Promise<void>;
  putObject(bucket: string, key: string, body: Uint8Array | string): Promise<void>;
  /** Creates a queue (and, with `deadLetterAfter`, its DLQ and redrive policy); returns loopback URLs. */
  createQueue(name: string, options?: { deadLetterAfter?: number }): Promise<{ queueUrl: string; dlqUrl?: string }>;
  sendMessage(queueUrl: string, body: string): Promise<void>;
  /** Visible and in-flight message counts of a queue. */
  queueCounts(queueUrl: string): Promise<{ visible: number; inFlight: number }>;
  stop(): Promise<void>;
}

/**
 * Starts fauxqs on a free port of 127.0.0.1 (its own `startFauxqs()` binds
 * 0.0.0.0). It keeps no ContentEncoding and sends no S3 notifications: tests
 * send the notification messages themselves.
 *
 * @example
 * ```ts
 * const fauxqs = await startFauxqs();
 * await fauxqs.createBucket('trail');
 * …
 * await fauxqs.stop();
 * ```
 */
export async function startFauxqs(): Promise<Fauxqs> {
  const app = buildApp({ logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fauxqs did not bind a TCP port');
  const endpoint = `http://127.0.0.1:${address.port}`;
  const common = { endpoint, region: FAUXQS_REGION, credentials: FAUXQS_CREDENTIALS };
  const s3 = new S3Client({ ...common, forcePathStyle: true });
  const sqs = new SQSClient(common);
  // fauxqs names queues `http://sqs.<region>.localhost:<port>/…` but finds them by path: use loopback URLs.
  const loopback = (url: string): string => `${endpoint}${new URL(url).pathname}`;
  const createQueue = async (name: string, attributes: Record<string, string> = {}): Promise<string> =>
    loopback((await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!);

  return {
    endpoint,
    s3,
    sqs,
    async createBucket(name) {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    },
    async putObject(bucket, key, body) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: typeof body === 'string' ? Buffer.from(body) : body }));
    },
    async createQueue(name, options = {}) {
      if (options.deadLetterAfter === undefined) return { queueUrl: await createQueue(name) };
      const dlqUrl = await createQueue(`${name}-dlq`);
      const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
      const queueUrl = await createQueue(name, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: options.deadLetterAfter }) });
      return { queueUrl, dlqUrl };
    },
    async sendMessage(queueUrl, body) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    },
    async queueCounts(queueUrl) {
      const { Attributes: a } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      return { visible: Number(a?.ApproximateNumberOfMessages), inFlight: Number(a?.ApproximateNumberOfMessagesNotVisible) };
    },
    async stop() {
      s3.destroy();
      sqs.destroy();
      await app.close();
    },
  };
}
