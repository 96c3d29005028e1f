// One measured backfill of the `bench` bucket, in a fresh process (see backfill-bench.ts):
//   node --conditions=development backfill-run.ts <endpoint> bare|source|prefilter|source-workers|prefilter-workers <concurrency> <records> <compressed bytes>
import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { s3SourceConfigSchema } from '../config.ts';
import { S3Source } from '../s3-source.ts';
import { TEST_CREDENTIALS, TEST_REGION } from './emulator.ts';

const [endpoint, mode, concurrencyText, recordsText, compressedText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const records = Number(recordsText);
const compressed = Number(compressedText);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
let started = performance.now();
let objects = 0;
let events = 0;

if (mode === 'bare') {
  const s3 = new S3Client({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, forcePathStyle: true });
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: 'bench', ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((c) => c.Key!));
    token = page.NextContinuationToken;
  } while (token);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (objects < keys.length) {
        const key = keys[objects++]!;
        await (await s3.send(new GetObjectCommand({ Bucket: 'bench', Key: key }))).Body!.transformToByteArray();
      }
    }),
  );
  s3.destroy();
} else {
  const prefilter = mode!.startsWith('prefilter');
  const workers = mode!.endsWith('-workers') ? 'auto' : 0;
  const config = s3SourceConfigSchema.parse({ endpoint, bucket: 'bench', region: TEST_REGION, startTime: '2026-10-01', once: true, concurrency, prefilter, workers });
  const context = testContext('s3/bench', { clock: systemClock, interest: prefilter ? [{ eventSource: 'bedrock.amazonaws.com' }] : 'all' });
  const source = new S3Source(config, context, { credentials: TEST_CREDENTIALS });
  await source.start(); // boots the decode workers, if any: timed from here, as the file source is
  started = performance.now();
  for await (const batch of source.read(new AbortController().signal)) {
    objects++;
    events += batch.events.length;
    await batch.ack?.();
  }
  await source.shutdown();
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const label = {
  bare: 'emulator ceiling (GetObject only)',
  source: 's3 source',
  prefilter: 's3 source, prefilter on',
  'source-workers': 's3 source, workers: auto',
  'prefilter-workers': 's3 source, prefilter on, workers: auto',
}[mode!];
process.stdout.write(
  `${label}, concurrency ${concurrency}: ${objects} objects in ${seconds.toFixed(2)} s = ${Math.round(objects / seconds)} objects/s` +
    (mode === 'bare' ? '' : `, ${Math.round(records / seconds)} records/s (${events} events out), ${(compressed / 1e6 / seconds).toFixed(1)} MB/s gzipped`) +
    `, peak RSS ${(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MiB\n`,
);
