/**
 * The file source over many small delivery files: a month of one account's
 * trail is ~150,000 of them, most holding a handful of records or none. Runs
 * the real agent (every shipped detector, checkpoints in a directory, a
 * discard sink) over `count` files twice — a first run that reads them all,
 * then a restart that finds them all checkpointed — and prints files/s, the
 * checkpoint's size after each run and the peak RSS of this process.
 * `--pass restart` runs only the restart, over the checkpoint a previous
 * full run left in the work directory, so the peak RSS is the restart's own.
 *
 *   node --conditions=development bench/measure/many-files.ts [count=100000] [--work DIR] [--workers N|auto] [--pass both|restart]
 *
 * The last stdout line is the JSON measurement (see ../lib/measurement.ts).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METRICS } from '@jackwatch/core';
import { benchConfigYaml } from '../lib/agent-config.ts';
import { peakRssKb, report } from '../lib/measurement.ts';
import { runAgentWithConfig } from '../lib/run-bench-agent.ts';
import { generateManyFiles } from './many-files-generate.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function configYaml(logsDir: string, checkpoints: string, workers: string): string {
  return benchConfigYaml({
    checkpoints: `{ dir: ${JSON.stringify(checkpoints)} }`,
    logLevel: 'error',
    source: { type: 'file', options: [`paths: [${JSON.stringify(logsDir)}]`, `workers: ${workers}`] },
  });
}

/** One run of the agent over the tree, timed from its start: discovering the files is part of the cost measured. */
async function runOnce(yaml: string, runDir: string): Promise<{ seconds: number; filesRead: number; events: number }> {
  const run = await runAgentWithConfig(yaml, runDir, 'config');
  const events = Object.values(run.result.eventsRead).reduce((sum, n) => sum + n, 0);
  return { seconds: run.startSeconds + run.seconds, filesRead: run.counters[METRICS.filesRead.name] ?? 0, events };
}

async function measure(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(count) || count < 1) throw new Error(`the file count must be a positive integer, not ${process.argv[2]}`);
  const work = resolve(option('--work') ?? fileURLToPath(new URL('../.data/work', import.meta.url)));
  const workers = option('--workers') ?? '0';
  const pass = option('--pass') ?? 'both';
  if (pass !== 'both' && pass !== 'restart') throw new Error(`--pass must be both or restart, not ${pass}`);
  const dataset = generateManyFiles(join(work, '..'), count);
  const runDir = join(work, `many-files-${count}`);
  const checkpointFile = join(runDir, 'checkpoints', 'file.json');
  const yaml = configYaml(dataset.dir, join(runDir, 'checkpoints'), workers);
  if (pass === 'restart') {
    if (!existsSync(checkpointFile)) throw new Error(`--pass restart needs the checkpoint of a full run in ${runDir}: run without --pass first`);
    const rerun = await checkedRestart(yaml, runDir);
    const restartCheckpointBytes = statSync(checkpointFile).size;
    process.stderr.write(`${count} files: restart ${rerun.seconds.toFixed(2)} s, checkpoint ${restartCheckpointBytes} B after it, peak RSS ${Math.round(peakRssKb() / 1024)} MiB\n`);
    report({ records: 0, seconds: rerun.seconds, maxRssKb: peakRssKb(), details: { files: count, restartSeconds: rerun.seconds, restartCheckpointBytes } });
    return;
  }
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const first = await runOnce(yaml, runDir);
  const checkpointBytes = statSync(checkpointFile).size;
  if (first.filesRead !== count) throw new Error(`the first run read ${first.filesRead} of ${count} files`);
  const rerun = await checkedRestart(yaml, runDir);
  const restartCheckpointBytes = statSync(checkpointFile).size;
  process.stderr.write(
    `${count} files: first run ${first.seconds.toFixed(2)} s (${Math.round(count / first.seconds)} files/s), ` +
      `restart ${rerun.seconds.toFixed(2)} s (${Math.round(count / rerun.seconds)} files/s), checkpoint ${checkpointBytes} B after the first run, ` +
      `${restartCheckpointBytes} B after the restart, peak RSS ${Math.round(peakRssKb() / 1024)} MiB\n`,
  );
  report({
    records: dataset.records,
    seconds: first.seconds,
    maxRssKb: peakRssKb(),
    details: {
      files: count,
      events: first.events,
      filesPerSecond: count / first.seconds,
      restartSeconds: rerun.seconds,
      restartFilesPerSecond: count / rerun.seconds,
      checkpointBytes,
      restartCheckpointBytes,
    },
  });
}

async function checkedRestart(yaml: string, runDir: string): Promise<{ seconds: number }> {
  const rerun = await runOnce(yaml, runDir);
  if (rerun.filesRead !== 0) throw new Error(`the restart read ${rerun.filesRead} files again: the checkpoint should have skipped them all`);
  return rerun;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await measure();
