/**
 * The file source over many small delivery files: a month of one account's
 * trail is ~150,000 of them, most holding a handful of records or none. Runs
 * the real agent (every shipped detector, checkpoints in a directory, a
 * discard sink) over `count` files twice — a first run that reads them all,
 * then a restart that finds them all checkpointed — and prints files/s and
 * the peak RSS of this process.
 *
 *   node --conditions=development bench/measure/many-files.ts [count=100000] [--work DIR] [--workers N|auto]
 *
 * The last stdout line is the JSON measurement (see ../lib/measurement.ts).
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDefaultRegistry, loadAgentConfig, runAgent } from '@jackwatch/agent';
import { CounterSet, METRICS, silentLogger } from '@jackwatch/core';
import { benchConfigYaml } from '../lib/agent-config.ts';
import { discardSinkFactory, type FindingTally } from '../lib/discard-sink.ts';
import { peakRssKb, report } from '../lib/measurement.ts';
import { generateManyFiles } from './many-files-generate.ts';

/** One run of the agent over the tree. */
interface RunFigures {
  readonly seconds: number;
  readonly filesRead: number;
  readonly events: number;
}

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

async function runOnce(configPath: string): Promise<RunFigures> {
  const registry = createDefaultRegistry();
  const tally: FindingTally = { ids: [], detectors: [] };
  registry.register(discardSinkFactory(tally), 'bench');
  const agent = await loadAgentConfig(configPath, registry);
  const telemetry = new CounterSet();
  const began = performance.now();
  const [result] = await runAgent(agent, { logger: silentLogger, signal: new AbortController().signal, telemetry });
  const seconds = (performance.now() - began) / 1000;
  let filesRead = 0;
  for (const counter of telemetry.snapshot()) if (counter.name === METRICS.filesRead.name) filesRead += counter.value;
  const events = Object.values(result?.eventsRead ?? {}).reduce((sum, n) => sum + n, 0);
  return { seconds, filesRead, events };
}

async function measure(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(count) || count < 1) throw new Error(`the file count must be a positive integer, not ${process.argv[2]}`);
  const work = resolve(option('--work') ?? fileURLToPath(new URL('../.data/work', import.meta.url)));
  const workers = option('--workers') ?? '0';
  const dataset = generateManyFiles(join(work, '..'), count);
  const runDir = join(work, `many-files-${count}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const configPath = join(runDir, 'config.yaml');
  writeFileSync(configPath, configYaml(dataset.dir, join(runDir, 'checkpoints'), workers));
  const first = await runOnce(configPath);
  const checkpointBytes = statSync(join(runDir, 'checkpoints', 'file.json')).size;
  const rerun = await runOnce(configPath);
  if (first.filesRead !== count) throw new Error(`the first run read ${first.filesRead} of ${count} files`);
  if (rerun.filesRead !== 0) throw new Error(`the restart read ${rerun.filesRead} files again: the checkpoint should have skipped them all`);
  process.stderr.write(
    `${count} files: first run ${first.seconds.toFixed(2)} s (${Math.round(count / first.seconds)} files/s), ` +
      `restart ${rerun.seconds.toFixed(2)} s (${Math.round(count / rerun.seconds)} files/s), checkpoint ${checkpointBytes} B, peak RSS ${Math.round(peakRssKb() / 1024)} MiB\n`,
  );
  report({
    records: dataset.records,
    seconds: first.seconds,
    maxRssKb: peakRssKb(),
    details: { files: count, events: first.events, filesPerSecond: count / first.seconds, restartSeconds: rerun.seconds, restartFilesPerSecond: count / rerun.seconds, checkpointBytes },
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await measure();
