// A process that backfills a bucket with the s3 source and a file checkpoint
// store, printing each object's key before acknowledging it — a stand-in for a
// pipeline whose sink delivered the object's findings. Tests kill it with -9.
//   node --conditions=development crash-runner.ts <endpoint> <bucket> <checkpoint dir>
import { FileCheckpointStore, systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { s3SourceConfigSchema } from '../config.ts';
import { S3Source } from '../s3-source.ts';
import { TEST_CREDENTIALS, TEST_REGION } from './emulator.ts';

const [endpoint, bucket, dir] = process.argv.slice(2);
const config = s3SourceConfigSchema.parse({ endpoint, bucket, region: TEST_REGION, startTime: '2026-10-01', once: true, concurrency: 4 });
const source = new S3Source(config, testContext('s3/crash', { clock: systemClock, checkpoints: new FileCheckpointStore(dir!) }), {
  credentials: TEST_CREDENTIALS,
});
await source.start();
for await (const batch of source.read(new AbortController().signal)) {
  process.stdout.write(`${batch.events[0]?.origin.location}\n`);
  await batch.ack?.();
}
await source.shutdown();
