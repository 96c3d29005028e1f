import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type DeliveryFile, writeDeliveryTree } from '../../support/cloudtrail-delivery.ts';
import { fauxqsEnvironment, type Fauxqs, startFauxqs } from '../../support/fauxqs.ts';
import { allRulesConfig } from '../../support/quickstart-copy.ts';
import { jsonLines, REPO_ROOT, runCli } from '../../support/run-cli.ts';

/** The poll-mode example config the S3 end-to-end tests run. */
export const S3_POLL_EXAMPLE = join(REPO_ROOT, 'examples/s3-poll.yaml');

/** The S3/SQS emulator and a temporary directory, shared by the tests of one file. */
export interface S3Emulation {
  readonly fauxqs: Fauxqs;
  readonly dir: string;
  /** Stops the emulator and removes the directory. */
  close(): Promise<void>;
}

/** Starts the emulator and makes a temporary directory named after `prefix`. */
export async function startS3Emulation(prefix: string): Promise<S3Emulation> {
  const fauxqs = await startFauxqs();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return {
    fauxqs,
    dir,
    close: async () => {
      await fauxqs.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The finding ids in the agent's stdout (or its lines), sorted. */
export function findingIds(stdout: string | readonly string[]): string[] {
  return jsonLines<{ id: string }>(typeof stdout === 'string' ? stdout : stdout.join('\n'))
    .map((finding) => finding.id)
    .sort();
}

/** The environment `examples/s3-poll.yaml` reads, pointed at `bucket` in the emulator, with checkpoints in `checkpointDir`. */
export function pollEnvironment(emulation: S3Emulation, bucket: string, checkpointDir: string): NodeJS.ProcessEnv {
  return { ...fauxqsEnvironment(), TRAIL_BUCKET: bucket, S3_ENDPOINT: emulation.fauxqs.endpoint, START_TIME: '2026-10-01', JACKWATCH_CHECKPOINT_DIR: checkpointDir };
}

/** Puts `files` into a new `bucket` of the emulator. */
export async function fillBucket(emulation: S3Emulation, bucket: string, files: readonly DeliveryFile[]): Promise<void> {
  await emulation.fauxqs.createBucket(bucket);
  for (const file of files) await emulation.fauxqs.putObject(bucket, file.key, file.body());
}

/**
 * Puts `files` into `bucket` and runs the agent's file source with every
 * rule over the very same files written as a delivery tree: the finding ids
 * (sorted) the S3 source must reproduce.
 */
export async function plantWithReference(emulation: S3Emulation, bucket: string, files: readonly DeliveryFile[]): Promise<string[]> {
  await fillBucket(emulation, bucket, files);
  const tree = join(emulation.dir, 'tree');
  await writeDeliveryTree(tree, [...files]);
  await writeFile(join(emulation.dir, 'file.yaml'), `service: { checkpoints: { memory: true } }\n${allRulesConfig(tree)}`);
  const reference = await runCli(['run', '--config', join(emulation.dir, 'file.yaml')], { timeoutMs: 120_000 });
  expect(reference.code, reference.stderr).toBe(0);
  return findingIds(reference.stdout);
}

/** Runs `examples/s3-poll.yaml` once over `bucket` (checkpoints kept per bucket), expecting exit 0: its finding ids, sorted, and its stderr. */
export async function pollFindings(emulation: S3Emulation, bucket: string, timeoutMs: number): Promise<{ ids: string[]; stderr: string }> {
  const run = await runCli(['run', '--config', S3_POLL_EXAMPLE], { env: pollEnvironment(emulation, bucket, join(emulation.dir, bucket)), timeoutMs });
  expect(run.code, run.stderr).toBe(0);
  return { ids: findingIds(run.stdout), stderr: run.stderr };
}
