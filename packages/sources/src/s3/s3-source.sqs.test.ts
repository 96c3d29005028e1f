import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import type { SourceBatch } from '@jackwatch/core';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3SqsConfig, s3SourceConfigSchema } from './config.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { cloudTrailSnsBody, eventBridgeBody, s3EventBody, s3TestEventBody, snsWrappedBody } from './testdata/notifications.ts';
import { drain } from './testdata/read-batches.ts';
import { type TrailFile, trailFile } from './testdata/trail-files.ts';

const START = Date.UTC(2026, 9, 1);
const place = { account: '666666666666', region: 'us-east-1' };
const BUCKET = 'notified';

let emulator: Emulator;
let queues = 0;
const files: TrailFile[] = Array.from({ length: 6 }, (_, i) => trailFile(place, START + (i + 1) * 5 * 60_000));

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.createBucket(BUCKET);
  for (const file of files) await emulator.putObject(BUCKET, file.key, file.body);
});
afterAll(async () => {
  await emulator?.stop();
});

function sqsSource(queueUrl: string, options: Partial<S3SqsConfig> = {}, context = testContext('s3/sqs', { clock: systemClock })) {
  const parsed = s3SourceConfigSchema.parse({ queueUrl, endpoint: emulator.endpoint, region: TEST_REGION, forcePathStyle: true, waitTime: '1s' });
  if (parsed.mode !== 'sqs') throw new Error('a config with queueUrl is in sqs mode');
  const config: S3SqsConfig = { ...parsed, ...options };
  return { source: new S3Source(config, context, { credentials: TEST_CREDENTIALS }), context };
}

async function send(queueUrl: string, body: string): Promise<void> {
  await emulator.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
}

async function queueCounts(queueUrl: string): Promise<{ visible: number; inFlight: number }> {
  const { Attributes: a } = await emulator.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return { visible: Number(a?.ApproximateNumberOfMessages), inFlight: Number(a?.ApproximateNumberOfMessagesNotVisible) };
}

const locations = (batches: { events: readonly { origin: { location: string } }[] }[]): string[] => batches.map((b) => b.events[0]?.origin.location ?? '');

describe('s3 source, SQS mode', () => {
  it('reads the objects of plain, SNS-wrapped, EventBridge and CloudTrail notifications, deleting each message only once all its batches were acked', async () => {
    const { queueUrl } = await emulator.createQueue(`q${++queues}`);
    await send(queueUrl, s3TestEventBody(BUCKET));
    await send(queueUrl, s3EventBody(BUCKET, files[0]!.key));
    await send(queueUrl, snsWrappedBody(s3EventBody(BUCKET, files[1]!.key)));
    await send(queueUrl, eventBridgeBody(BUCKET, files[2]!.key));
    await send(queueUrl, cloudTrailSnsBody(BUCKET, [files[3]!.key, files[4]!.key]));
    const { source, context } = sqsSource(queueUrl, { once: true, concurrency: 2 });

    await source.start();
    const batches = await drain(source.read(new AbortController().signal), { ack: false });
    const held = await queueCounts(queueUrl);
    for (const batch of batches.slice(0, 4)) await batch.ack?.();
    const oneObjectLeft = await queueCounts(queueUrl);
    await batches[4]!.ack?.();
    const done = await queueCounts(queueUrl);
    await source.shutdown();

    expect(locations(batches)).toEqual(files.slice(0, 5).map((f) => `s3://${BUCKET}/${f.key}`));
    expect(batches.flatMap((b) => b.events)).toHaveLength(15);
    expect(held).toEqual({ visible: 0, inFlight: 4 });
    expect(oneObjectLeft).toEqual({ visible: 0, inFlight: 1 });
    expect(done).toEqual({ visible: 0, inFlight: 0 });
    expect(context.errors.rejections).toEqual([]);
  });

  it('reports a notification for a missing object with its key, and deletes it once acked', async () => {
    const { queueUrl } = await emulator.createQueue(`q${++queues}`);
    const missing = trailFile(place, START + 3_600_000).key;
    await send(queueUrl, s3EventBody(BUCKET, missing));
    await send(queueUrl, s3EventBody(BUCKET, files[5]!.key));
    const { source, context } = sqsSource(queueUrl, { once: true });

    const batches = await drain(source.read(new AbortController().signal));
    await source.shutdown();

    expect(batches.map((b) => b.events.length)).toEqual([0, 3]);
    expect(context.errors.rejections).toEqual([expect.objectContaining({ reason: 'unreadable', origin: expect.objectContaining({ location: `s3://${BUCKET}/${missing}` }) })]);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('leaves a poison message to the redrive policy, which moves it to the DLQ, without blocking the queue', async () => {
    const { queueUrl, dlqUrl } = await emulator.createQueue(`q${++queues}`, { deadLetterAfter: 2 });
    await send(queueUrl, 'this is not a notification');
    await send(queueUrl, s3EventBody(BUCKET, files[0]!.key));
    const { source, context } = sqsSource(queueUrl, { visibilityTimeout: 1_000, waitTime: 1_000 });
    const abort = new AbortController();
    const reading = source.read(abort.signal)[Symbol.asyncIterator]();

    const good = await reading.next();
    await good.value?.ack?.();
    const pending = reading.next();
    let dead = 0;
    for (let attempt = 0; attempt < 100 && dead === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      dead = (await queueCounts(dlqUrl!)).visible;
    }
    abort.abort();
    expect((await pending).done).toBe(true);
    await source.shutdown();

    expect(good.value?.events).toHaveLength(3);
    expect(dead).toBe(1);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
    expect(context.errors.rejections.length).toBeGreaterThanOrEqual(2);
    expect(context.errors.rejections[0]).toMatchObject({ reason: 'unreadable', origin: { location: queueUrl } });
    expect(context.errors.rejections[0]!.message).toMatch(/not an S3 object notification .*dead-letter queue \(received 1 times\)/);
  });

  it('lets a message be redelivered when the reader stopped before acking it: the next reader gets the same events', async () => {
    const { queueUrl } = await emulator.createQueue(`q${++queues}`);
    await send(queueUrl, s3EventBody(BUCKET, files[2]!.key));
    const first = sqsSource(queueUrl, { visibilityTimeout: 1_000 }).source;
    const abort = new AbortController();
    const reading = first.read(abort.signal)[Symbol.asyncIterator]();
    const unacked = await reading.next();
    abort.abort();
    await reading.return?.(undefined);
    await first.shutdown();

    // A long poll the first reader abandoned may still take the message for a second; keep asking until it is visible again.
    const second = sqsSource(queueUrl, { waitTime: 5_000 }).source;
    const stop = new AbortController();
    const redelivered = await drain(second.read(stop.signal), { limit: 1 });
    stop.abort();
    await second.shutdown();

    expect(redelivered.flatMap((b) => b.events.map((e) => e.eventId))).toEqual((unacked.value as SourceBatch).events.map((e) => e.eventId));
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('keeps a held message invisible beyond its visibility timeout until its batch is acked', async () => {
    const { queueUrl } = await emulator.createQueue(`q${++queues}`);
    await send(queueUrl, s3EventBody(BUCKET, files[3]!.key));
    const { source, context } = sqsSource(queueUrl, { visibilityTimeout: 2_000 });
    const abort = new AbortController();
    const reading = source.read(abort.signal)[Symbol.asyncIterator]();
    const held = await reading.next();

    const competitor = await emulator.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 5 }));
    await held.value?.ack?.();
    abort.abort();
    await reading.return?.(undefined);
    await source.shutdown();

    expect(competitor.Messages ?? []).toEqual([]);
    expect(context.telemetry.total('jackwatch.sqs.visibility.extended')).toBeGreaterThanOrEqual(2);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });
});
