import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Manifest } from '../generate/dataset.ts';
import { TEST_CREDENTIALS, TEST_REGION } from '../../packages/sources/src/s3/testdata/emulator.ts';
import { listDeliveryFiles } from './list-files.ts';

const SERVER = fileURLToPath(new URL('../../packages/sources/src/s3/testdata/emulator-server.ts', import.meta.url));

/** fauxqs running in its own process with the dataset uploaded under its own keys (`AWSLogs/…`). */
export interface S3Emulator {
  readonly endpoint: string;
  readonly bucket: string;
  /** What a child process needs to reach it: the emulator's fake credentials and region, never the machine's. */
  readonly environment: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Starts fauxqs on loopback in a process of its own (so no measured process
 * shares an event loop with it) and uploads every delivery file of the
 * dataset, 16 at a time.
 */
export async function startS3Emulator(manifest: Manifest, bucket = 'bench'): Promise<S3Emulator> {
  const server = spawn(process.execPath, ['--conditions=development', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await firstLine(server);
  const s3 = new S3Client({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, forcePathStyle: true });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const files = listDeliveryFiles(manifest.dir);
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < files.length) {
        const file = files[next++]!;
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: relative(manifest.dir, file), Body: readFileSync(file) }));
      }
    }));
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  } finally {
    s3.destroy();
  }
  return {
    endpoint,
    bucket,
    environment: {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_REGION: TEST_REGION,
      AWS_PROFILE: '',
      AWS_SESSION_TOKEN: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    stop: () => new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    }),
  };
}

/** The endpoint line the emulator prints once it listens; fails when it exits first or says nothing for a minute. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error('the S3 emulator did not listen within 60 s'));
    }, 60_000);
    let text = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end < 0) return;
      clearTimeout(timer);
      resolve(text.slice(0, end).trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the S3 emulator exited (${code}) before it listened`));
    });
  });
}
