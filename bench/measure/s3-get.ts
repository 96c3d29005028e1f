/**
 * The emulator's own ceiling: list the bucket, then a plain SDK GetObject
 * loop reading every object's bytes with the same concurrency as the s3
 * source — no decoding. Credentials and region come from the environment.
 *
 *   node --conditions=development bench/measure/s3-get.ts <dataset-dir> <work-dir> <endpoint> <bucket> [--concurrency 8]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Manifest } from '../generate/dataset.ts';
import { peakRssKb, report } from '../lib/measurement.ts';

const [dir, , endpoint, bucket] = process.argv.slice(2) as [string, string, string, string];
const at = process.argv.indexOf('--concurrency');
const concurrency = at < 0 ? 8 : Number(process.argv[at + 1]);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const s3 = new S3Client({ endpoint, forcePathStyle: true });
const began = performance.now();
const keys: string[] = [];
let token: string | undefined;
do {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
  keys.push(...(page.Contents ?? []).map((object) => object.Key!));
  token = page.NextContinuationToken;
} while (token !== undefined);
let next = 0;
let bytes = 0;
// Objects whose body was not the length the response announced: named in the failure, so a short read can be traced.
const short: string[] = [];
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < keys.length) {
    const key = keys[next++]!;
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const length = (await response.Body!.transformToByteArray()).length;
    if (response.ContentLength !== undefined && length !== response.ContentLength) short.push(`${key}: ${length} of ${response.ContentLength} bytes (HTTP ${response.$metadata.httpStatusCode})`);
    bytes += length;
  }
}));
const seconds = (performance.now() - began) / 1000;
s3.destroy();
if (keys.length !== manifest.files || bytes !== manifest.gzipBytes) {
  const detail = short.length === 0 ? 'every body had the length its response announced' : `short bodies: ${short.slice(0, 5).join('; ')}${short.length > 5 ? ` and ${short.length - 5} more` : ''}`;
  throw new Error(`read ${keys.length} objects, ${bytes} bytes; the dataset has ${manifest.files} files, ${manifest.gzipBytes} bytes (${detail})`);
}
// The records ride along unread: records/s here is objects/s scaled to the dataset, comparable with the source's.
report({ records: manifest.records, seconds, maxRssKb: peakRssKb(), details: { objects: keys.length, bytes, concurrency } });
