import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDefaultRegistry, loadAgentConfig, runAgent } from '@jackwatch/agent';
import { CounterSet, silentLogger, type PipelineResult } from '@jackwatch/core';
import { agentConfigYaml, type AgentMode } from './agent-config.ts';
import { discardSinkFactory, findingTally, type FindingTally } from './discard-sink.ts';

/** What one agent run over a dataset produced. */
export interface AgentRun {
  /** From the pipelines having started (paths checked, decode workers booted) to the end of the run. */
  readonly seconds: number;
  /** Starting the pipelines: what `seconds` leaves out. */
  readonly startSeconds: number;
  readonly result: PipelineResult;
  readonly tally: FindingTally;
  readonly counters: Readonly<Record<string, number>>;
}

/**
 * Runs the real agent (config file → registry → `runAgent`) over the
 * delivery files in `logsDir`, with every shipped detector and a sink that
 * only notes finding ids. The config is written to `workDir`. Throughput is
 * timed from the end of start-up — as process start and module loading are
 * left out of every mode — and start-up is reported on its own.
 */
export function runBenchAgent(logsDir: string, workDir: string, mode: AgentMode): Promise<AgentRun> {
  // The config resolves relative paths against its own folder.
  return runAgentWithConfig(agentConfigYaml(resolve(logsDir), mode), workDir, `agent-${mode.prefilter ? 'prefilter' : 'full'}-w${mode.workers}`);
}

/**
 * Runs the real agent on `yaml` (written to `workDir` as `<name>.yaml`), with
 * the discard sink registered as `discard`; timed as {@link runBenchAgent}.
 */
export async function runAgentWithConfig(yaml: string, workDir: string, name: string): Promise<AgentRun> {
  mkdirSync(workDir, { recursive: true });
  const configPath = join(workDir, `${name}.yaml`);
  writeFileSync(configPath, yaml);
  const tally = findingTally();
  const registry = createDefaultRegistry();
  registry.register(discardSinkFactory(tally), 'bench');
  const agent = await loadAgentConfig(configPath, registry);
  const telemetry = new CounterSet();
  const began = performance.now();
  let started = began;
  const onStarted = (): void => {
    started = performance.now();
  };
  const [result] = await runAgent(agent, { logger: silentLogger, signal: new AbortController().signal, telemetry, onStarted });
  const seconds = (performance.now() - started) / 1000;
  const counters: Record<string, number> = {};
  for (const counter of telemetry.snapshot()) counters[counter.name] = (counters[counter.name] ?? 0) + counter.value;
  return { seconds, startSeconds: (started - began) / 1000, result: result!, tally, counters };
}
