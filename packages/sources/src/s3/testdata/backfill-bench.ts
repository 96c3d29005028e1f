// Backfill throughput of the s3 source against fauxqs running in its own process:
//   node --conditions=development backfill-bench.ts [files=400] [recordsPerFile=500] [concurrency=8]
// Uploads generated delivery files, then runs each backfill in a fresh process
// (so its peak RSS is the source's own) and prints objects/s, records/s,
// compressed MB/s and peak RSS — without and with the prefilter, on the main
// thread and with `workers: auto` — next to the
// emulator's bare GetObject rate and the in-memory gunzip + JSON.parse floor.
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { decodeBuffer } from '@jackwatch/core';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { TEST_CREDENTIALS, TEST_REGION } from './emulator.ts';
import { trailFile } from './trail-files.ts';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const [files = 400, recordsPerFile = 500, concurrency = 8] = process.argv.slice(2).map(Number);

const server = spawn(process.execPath, ['--conditions=development', here('./emulator-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
const endpoint = await new Promise<string>((resolve) => server.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim())));
const s3 = new S3Client({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, forcePathStyle: true });
await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));

const places = ['111111111111', '222222222222'].flatMap((account) => ['us-east-1', 'eu-west-1'].map((region) => ({ account, region })));
const sample: Uint8Array[] = [];
let compressed = 0;
let rawBytes = 0;
for (let i = 0; i < files!; i++) {
  const object = trailFile(places[i % places.length]!, Date.UTC(2026, 9, 1) + Math.floor(i / places.length) * 300_000 + 60_000, recordsPerFile);
  compressed += object.body.length;
  rawBytes += gunzipSync(object.body).length;
  if (i < 50) sample.push(object.body);
  await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: object.key, Body: object.body }));
}
s3.destroy();
const records = files! * recordsPerFile!;
process.stdout.write(`${files} objects, ${records} records, ${(compressed / 1e6).toFixed(1)} MB gzipped, ${(rawBytes / 1e6).toFixed(1)} MB raw (${Math.round(rawBytes / records)} B/record)\n`);

let floor = 0;
for (let round = 0; round < 3; round++) {
  const started = performance.now();
  for (const body of sample) JSON.parse(gunzipSync(body).toString('utf8'));
  floor = (sample.length * recordsPerFile!) / ((performance.now() - started) / 1000);
}
process.stdout.write(`floor, in memory, one thread: gunzip + JSON.parse ${Math.round(floor)} records/s\n`);
let decodeFloor = 0;
for (let round = 0; round < 3; round++) {
  const started = performance.now();
  for (const body of sample) decodeBuffer(body, { source: 's3', location: 's3://bench/key' });
  decodeFloor = (sample.length * recordsPerFile!) / ((performance.now() - started) / 1000);
}
process.stdout.write(`floor, in memory, one thread: core decodeBuffer (gunzip + parse + normalize) ${Math.round(decodeFloor)} records/s\n`);

for (const mode of ['bare', 'source', 'source-workers', 'prefilter', 'prefilter-workers']) {
  const output = execFileSync(process.execPath, [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--conditions=development', here('./backfill-run.ts'), endpoint, mode, String(concurrency), String(records), String(compressed)], {
    encoding: 'utf8',
  });
  process.stdout.write(output);
}
server.kill('SIGTERM');
