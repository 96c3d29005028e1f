import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TEST_CREDENTIALS, TEST_REGION } from '../../packages/sources/src/s3/testdata/emulator.ts';
import { s3EventBody } from '../../packages/sources/src/s3/testdata/notifications.ts';
import { startFakeCloudWatchLogs } from '../../test/support/cloudwatch-logs-fake/index.ts';
import type { Json } from '../generate/world.ts';

/** The paths the latency section measures. */
export const LATENCY_PATHS = ['file', 'sqs', 'cwl'] as const;
export type LatencyPath = (typeof LATENCY_PATHS)[number];

/** Where the latency driver writes live traffic, and the agent's source config reading it. */
export interface LatencyBackend {
  /** The `sources:` entry (id and options), as YAML lines. */
  readonly sourceYaml: readonly string[];
  readonly sourceId: string;
  /** Environment of the agent process (fake credentials for the emulators; never the machine's). */
  readonly env: NodeJS.ProcessEnv;
  /** Milliseconds between writes: one batch of the traffic per write. */
  readonly writeEvery: number;
  /** Writes one batch of records, stamped with the time of the write. */
  write(records: readonly Json[], now: number): Promise<void>;
  stop(): Promise<void>;
}

const FAKE_ENV: NodeJS.ProcessEnv = {
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_REGION: TEST_REGION,
  AWS_PROFILE: '',
  AWS_SESSION_TOKEN: '',
  AWS_EC2_METADATA_DISABLED: 'true',
};
const ACCOUNT = '518234907765';

/** Starts the backend of `path` under `dir`. */
export function startBackend(path: LatencyPath, dir: string): Promise<LatencyBackend> {
  switch (path) {
    case 'file':
      return Promise.resolve(fileBackend(dir));
    case 'sqs':
      return sqsBackend();
    case 'cwl':
      return cloudWatchBackend();
  }
}

/** NDJSON lines appended to a followed file every 100 ms, as a shipper writes them. */
function fileBackend(dir: string): LatencyBackend {
  const logs = join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  const file = join(logs, 'events.ndjson');
  writeFileSync(file, '');
  return {
    sourceId: 'file',
    sourceYaml: ['  file:', `    paths: [${JSON.stringify(logs)}]`, '    follow: true'],
    env: {},
    writeEvery: 100,
    write: (records) => {
      appendFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
      return Promise.resolve();
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * A gzipped delivery object every 250 ms in fauxqs (its own process), each
 * announced on SQS with an S3 event notification (fauxqs sends none itself).
 */
async function sqsBackend(): Promise<LatencyBackend> {
  const server = spawn(process.execPath, ['--conditions=development', fileURLToPath(new URL('../../packages/sources/src/s3/testdata/emulator-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    server.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()));
    server.once('exit', (code) => reject(new Error(`fauxqs exited (${code}) before it listened`)));
  });
  const common = { endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS };
  const s3 = new S3Client({ ...common, forcePathStyle: true });
  const sqs = new SQSClient(common);
  await s3.send(new CreateBucketCommand({ Bucket: 'trail' }));
  // fauxqs names queues by a host of its own; it finds them by path, so use loopback.
  const queueUrl = `${endpoint}${new URL((await sqs.send(new CreateQueueCommand({ QueueName: 'trail-objects' }))).QueueUrl!).pathname}`;
  let sequence = 0;
  return {
    sourceId: 's3',
    sourceYaml: ['  s3:', `    queueUrl: ${JSON.stringify(queueUrl)}`, `    endpoint: ${JSON.stringify(endpoint)}`, '    forcePathStyle: true'],
    env: FAKE_ENV,
    writeEvery: 250,
    async write(records, now) {
      const stamp = new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
      const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '/');
      const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/${day}/${ACCOUNT}_CloudTrail_us-east-1_${stamp}_${String(sequence++).padStart(8, '0')}.json.gz`;
      await s3.send(new PutObjectCommand({ Bucket: 'trail', Key: key, Body: gzipSync(JSON.stringify({ Records: records })) }));
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: s3EventBody('trail', key) }));
    },
    async stop() {
      s3.destroy();
      sqs.destroy();
      await new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      });
    },
  };
}

/** Log events put into the CloudWatch Logs fake every 100 ms; the agent follows it with Live Tail. */
async function cloudWatchBackend(): Promise<LatencyBackend> {
  const fake = await startFakeCloudWatchLogs();
  const group = 'aws-cloudtrail-logs-latency';
  fake.store.createLogGroup(group);
  return {
    sourceId: 'cloudwatch-logs',
    sourceYaml: ['  cloudwatch-logs:', '    mode: tail', `    logGroups: [${group}]`, '    region: us-east-1', `    endpoint: ${JSON.stringify(fake.endpoint)}`],
    env: FAKE_ENV,
    writeEvery: 100,
    write: (records, now) => {
      fake.store.put(group, records.map((record) => ({ timestamp: now, message: JSON.stringify(record) })), `${ACCOUNT}_CloudTrail_us-east-1`);
      return Promise.resolve();
    },
    stop: () => fake.close(),
  };
}
