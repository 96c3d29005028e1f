import { readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { allRulesConfig, copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';

// Delivery files of the quickstart logs, each checkpointed.
const QUICKSTART_FILES = readdirSync(join(REPO_ROOT, 'examples/quickstart/logs'), { recursive: true }).filter((f) => String(f).endsWith('.json.gz') || String(f).endsWith('.json')).length;

async function quickstartWithCheckpoint(): Promise<{ config: string; checkpoint: string }> {
  const dir = await copyQuickstartLogs();
  const config = join(dir, 'config.yaml');
  await writeFile(config, allRulesConfig(join(dir, 'logs')));
  const first = await runCli(['run', '--config', config]);
  expect(first.code, first.stderr).toBe(0);
  expect(jsonLines<Finding>(first.stdout)).toHaveLength(5);
  return { config, checkpoint: join(dir, '.jackwatch', 'checkpoints', 'file.json') };
}

describe('jackwatch and its checkpoint files', () => {
  it('stops naming the file and the reset command; reset removes it and a rerun reads everything again', { timeout: 90_000 }, async () => {
    const { config, checkpoint } = await quickstartWithCheckpoint();
    await writeFile(checkpoint, (await readFile(checkpoint, 'utf8')).slice(0, 368)); // cut mid-string, as a torn copy would be

    const refused = await runCli(['run', '--config', config]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`checkpoint file ${checkpoint} (component "file") is not valid JSON (Unterminated string in JSON at position 368`);
    expect(refused.stderr).toContain(`jackwatch checkpoints reset --config ${config} --source file`);

    const shown = await runCli(['checkpoints', 'show', '--config', config]);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toContain(`file: CANNOT BE USED: ${checkpoint} is not valid JSON`);

    const reset = await runCli(['checkpoints', 'reset', '--config', config, '--source', 'file']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toBe(`file: removed ${checkpoint}\n`);
    expect((await runCli(['checkpoints', 'show', '--config', config])).stdout).toContain(`file: none yet (${checkpoint})`);

    const rerun = await runCli(['run', '--config', config]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(jsonLines<Finding>(rerun.stdout)).toHaveLength(5);
    expect((await runCli(['checkpoints', 'show', '--config', config])).stdout).toMatch(/"files": \d+ entries/);
    // Every file is checkpointed: by its position, or by the seal of its directory once that is older than the seal slack.
    const stored = JSON.parse(await readFile(checkpoint, 'utf8')) as { files: object; directories?: { sealed: Record<string, { files: number }> } };
    const sealedFiles = Object.values(stored.directories?.sealed ?? {}).reduce((sum, seal) => sum + seal.files, 0);
    expect(Object.keys(stored.files).length + sealedFiles).toBe(QUICKSTART_FILES);
  });

  it.each([
    ['an array', '[]', ' holds an array, not an object of checkpoint entries.'],
    ['a number', '7', ' holds a number, not an object of checkpoint entries.'],
    ['entries of the wrong type', '{"files":{"/logs/a.json.gz":{"size":"big","mtimeMs":1,"done":true,"next":3}}}', ': entry "files" is not an object of file positions'],
  ])('refuses a well-formed checkpoint holding %s the same way', async (_case, content, problem) => {
    const { config, checkpoint } = await quickstartWithCheckpoint();
    await writeFile(checkpoint, content);
    const refused = await runCli(['run', '--config', config]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`checkpoint file ${checkpoint} (component "file")${problem}`);
    expect(refused.stderr).toContain(`jackwatch checkpoints reset --config ${config} --source file`);
  });

  it('exits 2 on usage errors and removes nothing', { timeout: 90_000 }, async () => {
    const { config, checkpoint } = await quickstartWithCheckpoint();
    const before = await readFile(checkpoint, 'utf8');
    const [unknown, noConfig, unknownOption, unknownCommand, bare, help] = await Promise.all([
      runCli(['checkpoints', 'reset', '--config', config, '--source', 's3/nope']),
      runCli(['checkpoints', 'reset']),
      runCli(['checkpoints', 'reset', '--config', config, '--force']),
      runCli(['checkpoints', 'wipe', '--config', config]),
      runCli(['checkpoints']),
      runCli(['checkpoints', 'reset', '--help']),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no source "s3/nope" in ${config} (its sources: file)`);
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain("required option '-c, --config <file>' not specified");
    expect(unknownOption.code).toBe(2);
    expect(unknownCommand.code).toBe(2);
    expect(bare.code).toBe(2);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--source <id...>');
    expect(await readFile(checkpoint, 'utf8')).toBe(before);
  });

  it('reports a checkpoint directory it cannot write once, delivers every finding, and the run ends', { timeout: 60_000 }, async () => {
    const dir = await copyQuickstartLogs();
    await writeFile(join(dir, 'blocker'), 'a regular file where a directory should be: fails for root too');
    const checkpoints = join(dir, 'blocker', 'checkpoints');
    const config = join(dir, 'config.yaml');
    // One event per batch and no prefilter: enough batches that the checkpoint is written (and fails) more than once; debug logs show each retry.
    await writeFile(config, `service:\n  checkpoints: { dir: ${JSON.stringify(checkpoints)} }\n  logs: { level: debug }\n${allRulesConfig(join(dir, 'logs')).replace('    paths:', '    prefilter: false\n    batchSize: 1\n    paths:')}`);

    const run = await runCli(['run', '--config', config]);
    expect(run.code, run.stderr).not.toBeNull(); // ended by itself, not killed
    expect([0, 1], run.stderr).toContain(run.code); // how error-level reports set the exit code is not this test's concern
    expect(jsonLines<Finding>(run.stdout)).toHaveLength(5);
    const reports = run.stderr.split('\n').filter((line) => line.includes('cannot write checkpoint file'));
    expect(reports, run.stderr).toHaveLength(1);
    expect(reports[0]).toMatch(/^jackwatch error: /);
    expect(reports[0]).toContain(`cannot write checkpoint file ${join(checkpoints, 'file.json')} (component "file"): ENOTDIR`);
    expect(run.stderr).toMatch(/jackwatch debug: checkpoint write failed again \(2 in a row\)/);

    await rm(join(dir, 'blocker'));
    const rerun = await runCli(['run', '--config', config]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(jsonLines<Finding>(rerun.stdout)).toHaveLength(5); // nothing was skipped for the checkpoint that was never written
    expect(rerun.stderr).not.toContain('cannot write checkpoint file');
    expect(Object.keys((JSON.parse(await readFile(join(checkpoints, 'file.json'), 'utf8')) as { files: object }).files)).toHaveLength(QUICKSTART_FILES);
  });
});
