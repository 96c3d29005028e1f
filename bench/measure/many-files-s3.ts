/**
 * The s3 source's poll over a large prefix: `count` small delivery files
 * (17 regions of one account, one file every 5 minutes each, 1 in 100 with a
 * record, the rest `{"Records":[]}`) in fauxqs, run in its own process. Reads
 * them all once (`once: true`), then polls again with the same checkpoint
 * (nothing new), and prints objects/s for both, next to the emulator's bare
 * listing rate, and the peak RSS of this process.
 *
 *   node --conditions=development bench/measure/many-files-s3.ts [count=20000] [concurrency=16]
 *
 * The last stdout line is the JSON measurement (see ../lib/measurement.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MemoryCheckpointStore, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { s3SourceConfigSchema, S3Source } from '@jackwatch/sources';
import { TEST_CREDENTIALS, TEST_REGION } from '../../packages/sources/src/s3/testdata/emulator.ts';
import { peakRssKb, report } from '../lib/measurement.ts';

const ACCOUNT = '111122223333';
const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
];
const START = Date.UTC(2026, 10, 1);

function key(i: number): string {
  const region = REGIONS[i % REGIONS.length]!;
  const end = new Date(START + (Math.floor(i / REGIONS.length) + 1) * 300_000).toISOString();
  const stamp = `${end.slice(0, 4)}${end.slice(5, 7)}${end.slice(8, 10)}T${end.slice(11, 13)}${end.slice(14, 16)}Z`;
  return `AWSLogs/${ACCOUNT}/CloudTrail/${region}/${end.slice(0, 4)}/${end.slice(5, 7)}/${end.slice(8, 10)}/${ACCOUNT}_CloudTrail_${region}_${stamp}_${i.toString(36).padStart(16, '0')}.json.gz`;
}

function body(i: number): Uint8Array {
  if (i % 100 !== 0) return EMPTY;
  const time = new Date(START + Math.floor(i / REGIONS.length) * 300_000 + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const record = { eventVersion: '1.08', eventTime: time, eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', awsRegion: REGIONS[i % REGIONS.length], eventID: `e-${i}`, recipientAccountId: ACCOUNT, userIdentity: { type: 'IAMUser', accountId: ACCOUNT } };
  return gzipSync(JSON.stringify({ Records: [record] }));
}
const EMPTY = gzipSync('{"Records":[]}');

async function eachLimited(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < count) await task(next++);
  }));
}

async function poll(endpoint: string, checkpoints: MemoryCheckpointStore, concurrency: number): Promise<{ seconds: number; objects: number }> {
  const config = s3SourceConfigSchema.parse({ mode: 'poll', endpoint, bucket: 'many', region: TEST_REGION, startTime: '2026-10-01', once: true, concurrency, accounts: [ACCOUNT] });
  const source = new S3Source(config, testContext('s3/many', { clock: systemClock, checkpoints, interest: [{ eventSource: 'bedrock.amazonaws.com' }] }), { credentials: TEST_CREDENTIALS });
  await source.start();
  const started = performance.now();
  let objects = 0;
  for await (const batch of source.read(new AbortController().signal)) {
    objects++;
    await batch.ack?.();
  }
  const seconds = (performance.now() - started) / 1000;
  await source.shutdown();
  return { seconds, objects };
}

async function measure(): Promise<void> {
  const count = Number(process.argv[2] ?? 20_000);
  const concurrency = Number(process.argv[3] ?? 16);
  const server = spawn(process.execPath, ['--conditions=development', fileURLToPath(new URL('../../packages/sources/src/s3/testdata/emulator-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const endpoint = await new Promise<string>((resolve) => server.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim())));
    const s3 = new S3Client({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'many' }));
    await eachLimited(count, 32, async (i) => void (await s3.send(new PutObjectCommand({ Bucket: 'many', Key: key(i), Body: body(i) }))));
    const listStarted = performance.now();
    let listed = 0;
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: 'many', ContinuationToken: token }));
      listed += page.KeyCount ?? 0;
      token = page.NextContinuationToken;
    } while (token);
    const listSeconds = (performance.now() - listStarted) / 1000;
    s3.destroy();

    const checkpoints = new MemoryCheckpointStore();
    const first = await poll(endpoint, checkpoints, concurrency);
    const again = await poll(endpoint, checkpoints, concurrency);
    if (first.objects !== count) throw new Error(`the first poll read ${first.objects} of ${count} objects`);
    if (again.objects !== 0) throw new Error(`the second poll read ${again.objects} objects again`);
    process.stderr.write(
      `${count} objects: bare listing ${(listed / listSeconds).toFixed(0)} keys/s; first poll ${first.seconds.toFixed(2)} s (${Math.round(count / first.seconds)} objects/s), ` +
        `poll again ${again.seconds.toFixed(2)} s; peak RSS ${Math.round(peakRssKb() / 1024)} MiB\n`,
    );
    report({
      records: Math.ceil(count / 100),
      seconds: first.seconds,
      maxRssKb: peakRssKb(),
      details: { objects: count, objectsPerSecond: count / first.seconds, againSeconds: again.seconds, listedKeysPerSecond: listed / listSeconds },
    });
  } finally {
    server.kill('SIGTERM');
  }
}

await measure();
