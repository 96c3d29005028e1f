import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailRecord, Finding } from '@jackwatch/core';
import { enumThenInvoke, listModelsFailures, loggingDeletion } from '../support/cloudtrail-delivery.ts';
import { allRulesConfig } from '../support/quickstart-copy.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const START = Date.UTC(2026, 10, 20, 9, 0, 0);
const MINUTE = 60_000;
const MIB = 1024 * 1024;
const MAX_RECORD_SIZE = 16 * MIB; // the file source's defaults
const MAX_WHOLE_FILE_SIZE = 32 * MIB;

const attacks = (): CloudTrailRecord[] =>
  [...listModelsFailures(ACCOUNT, REGION, START), ...enumThenInvoke(ACCOUNT, REGION, START + 40 * MINUTE), ...loggingDeletion(ACCOUNT, REGION, START + 50 * MINUTE)]
    .map((planted) => planted.record)
    .sort((a, b) => Date.parse(a.eventTime!) - Date.parse(b.eventTime!));

// 1 GiB of zero bytes in 1 MB of gzip: 16 members of 64 MiB, then a last member of 2 MiB of spaces, so that the
// trailer announces a size above the file's own and under maxWholeFileSize — the file looks small enough to read whole.
function gibibyteBomb(): Buffer {
  const zeros = gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
  const bomb = Buffer.concat([...Array.from({ length: 16 }, () => zeros), gzipSync(Buffer.alloc(2 * MIB, ' '))]);
  const announced = bomb.readUInt32LE(bomb.length - 4);
  if (announced < bomb.length || announced > MAX_WHOLE_FILE_SIZE) throw new Error(`the trailer announces ${announced} bytes`);
  return bomb;
}
const BOMB_LINE_BYTES = 1024 * MIB + 2 * MIB;

let dir: string;
let reference: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jw-gzip-bomb-'));
  const records = attacks();
  const half = records.findIndex((r) => r.eventName === 'InvokeModel');
  // The attack records in two files; the bomb sorts between them.
  await mkdir(join(dir, 'logs'));
  await writeFile(join(dir, 'logs', 'a-attacks.json.gz'), gzipSync(JSON.stringify({ Records: records.slice(0, half) })));
  await writeFile(join(dir, 'logs', 'b-bomb.json.gz'), gibibyteBomb());
  await writeFile(join(dir, 'logs', 'c-attacks.json.gz'), gzipSync(JSON.stringify({ Records: records.slice(half) })));
  // The findings of the attack records alone: the reference.
  await mkdir(join(dir, 'reference'));
  await writeFile(join(dir, 'reference', 'delivery.json'), JSON.stringify({ Records: records }));
  await writeFile(join(dir, 'reference.yaml'), `service: { checkpoints: { memory: true } }\n${allRulesConfig(join(dir, 'reference'))}`);
  const run = await runCli(['run', '--config', join(dir, 'reference.yaml')]);
  expect(run.code, run.stderr).toBe(0);
  reference = jsonLines<Finding>(run.stdout).map((f) => f.id).sort();
}, 120_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('jackwatch run over a 1 MB .json.gz that inflates to 1 GiB, between two files of attack records', () => {
  it.each([
    ['on the main thread', ''],
    ['in decode workers', '    workers: 2\n'],
  ])('%s: the bomb is streamed and reported alone, and every finding comes out', { timeout: 180_000 }, async (_way, workers) => {
    const config = `service: { checkpoints: { memory: true } }\n${allRulesConfig(join(dir, 'logs')).replace(/( {4}paths: .*\n)/, `$1${workers}`)}`;
    await writeFile(join(dir, 'run.yaml'), config);

    const { code, stdout, stderr } = await runCli(['run', '--config', join(dir, 'run.yaml')], { timeoutMs: 170_000 });

    expect(code, stderr).toBe(0);
    expect(reference).toHaveLength(4);
    expect(jsonLines<Finding>(stdout).map((f) => f.id).sort()).toEqual(reference);
    expect(stderr).toContain(`rejected input: line is ${BOMB_LINE_BYTES} bytes, longer than maxRecordSize (${MAX_RECORD_SIZE} bytes); skipped unparsed, the rest of the input is still read`);
    expect(stderr).toContain(`origin=${join(dir, 'logs', 'b-bomb.json.gz')}#1`);
    expect(stderr).toMatch(/rejected: malformed-json 1\n/);
  });
});
