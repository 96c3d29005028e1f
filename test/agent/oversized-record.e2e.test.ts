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
const LIMIT = 16 * 1024 * 1024; // the file source's default maxRecordSize

// The attacks, in time order; the giant record goes between the enumeration and the invocation of rule A.
const attacks = (): CloudTrailRecord[] =>
  [...listModelsFailures(ACCOUNT, REGION, START), ...enumThenInvoke(ACCOUNT, REGION, START + 40 * MINUTE), ...loggingDeletion(ACCOUNT, REGION, START + 50 * MINUTE)]
    .map((planted) => planted.record)
    .sort((a, b) => Date.parse(a.eventTime!) - Date.parse(b.eventTime!));

// A valid Bedrock call whose prompt makes the record 50 MB; its quotes, brackets and backslashes must not fool the split.
function giantRecord(like: CloudTrailRecord): CloudTrailRecord {
  return { ...like, eventID: 'giant-record', eventTime: new Date(START + 41 * MINUTE).toISOString().replace('.000Z', 'Z'), requestParameters: { prompt: '{"x":["\\\\"]}'.repeat(50_000_000 / 16) } };
}

let dir: string;
let reference: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jw-oversized-'));
  // The findings of the attack records alone: the reference.
  await mkdir(join(dir, 'reference'));
  await writeFile(join(dir, 'reference', 'delivery.json'), JSON.stringify({ Records: attacks() }));
  await writeFile(join(dir, 'reference.yaml'), `service: { checkpoints: { memory: true } }\n${allRulesConfig(join(dir, 'reference'))}`);
  const run = await runCli(['run', '--config', join(dir, 'reference.yaml')]);
  expect(run.code, run.stderr).toBe(0);
  reference = jsonLines<Finding>(run.stdout).map((f) => f.id).sort();
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('jackwatch run over a file with a 50 MB record between the attack records', () => {
  it.each(['delivery.json', 'delivery.json.gz'])('%s: every finding comes out, and the record is reported alone with file#index, size and limit', { timeout: 120_000 }, async (name) => {
    const records = attacks();
    const at = records.findIndex((r) => r.eventName === 'InvokeModel');
    const giant = giantRecord(records[at]!);
    records.splice(at, 0, giant);
    const logs = join(dir, name.replace(/\W/g, '-'));
    await mkdir(logs);
    const text = JSON.stringify({ Records: records });
    await writeFile(join(logs, name), name.endsWith('.gz') ? gzipSync(text) : text);
    await writeFile(join(logs, 'config.yaml'), `service: { checkpoints: { memory: true } }\n${allRulesConfig(logs)}`);

    const { code, stdout, stderr } = await runCli(['run', '--config', join(logs, 'config.yaml')], { timeoutMs: 110_000 });

    expect(code, stderr).toBe(0);
    expect(reference).toHaveLength(4);
    expect(jsonLines<Finding>(stdout).map((f) => f.id).sort()).toEqual(reference);
    const size = Buffer.byteLength(JSON.stringify(giant));
    expect(size).toBeGreaterThan(50_000_000);
    expect(stderr).toContain(`record is ${size} bytes, longer than maxRecordSize (${LIMIT} bytes)`);
    expect(stderr).toContain(`origin=${join(logs, name)}#${at}`);
    expect(stderr).toMatch(/rejected: malformed-json 1\n/);
    expect(stderr).not.toContain('rest of the file was skipped');
  });
});
