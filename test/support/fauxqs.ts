import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from '../../packages/sources/src/s3/testdata/emulator.ts';

/** Fake static credentials for clients that talk to the emulator; tests never use the machine's. */
export const FAUXQS_CREDENTIALS = TEST_CREDENTIALS;
/** The region emulator clients sign for. */
export const FAUXQS_REGION = TEST_REGION;

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

/**
 * The S3 source's own test emulator (fauxqs on 127.0.0.1, SDK clients pointed
 * at it), plus what the end-to-end tests need on top: sending notification
 * messages and counting a queue's messages.
 */
export interface Fauxqs extends Emulator {
  sendMessage(queueUrl: string, body: string): Promise<void>;
  /** Visible and in-flight message counts of a queue. */
  queueCounts(queueUrl: string): Promise<{ visible: number; inFlight: number }>;
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
  const emulator = await startEmulator();
  const { sqs } = emulator;
  return Object.assign(emulator, {
    async sendMessage(queueUrl: string, body: string) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    },
    async queueCounts(queueUrl: string) {
      const { Attributes: a } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      return { visible: Number(a?.ApproximateNumberOfMessages), inFlight: Number(a?.ApproximateNumberOfMessagesNotVisible) };
    },
  });
}
