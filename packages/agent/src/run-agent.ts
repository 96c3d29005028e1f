import { buildPipelines, CounterSet, type Logger, type PipelineResult } from '@jackwatch/core';
import type { AgentConfig } from './load-agent-config.ts';
import { tuneHeapForPipelines } from './tune-heap.ts';

/** Options of {@link runAgent}. */
export interface RunAgentOptions {
  readonly logger: Logger;
  /** Aborting drains: stop reading, flush detectors and sinks, commit checkpoints. */
  readonly signal: AbortSignal;
  readonly telemetry?: CounterSet;
  readonly onStarted?: (telemetry: CounterSet) => void;
}

/**
 * Builds and runs every pipeline of a validated config until their finite
 * sources end or `signal` aborts, then shuts everything down. The results
 * are read after shutdown, so they include what shutdown delivered,
 * dead-lettered or lost and the errors it reported (a last checkpoint that
 * could not be written).
 * Throws only when a component fails to start (bad bucket, path, endpoint).
 * Tunes the process's garbage collector for pipelines first (see
 * {@link tuneHeapForPipelines}).
 */
export async function runAgent(agent: AgentConfig, options: RunAgentOptions): Promise<PipelineResult[]> {
  tuneHeapForPipelines();
  const telemetry = options.telemetry ?? new CounterSet();
  const pipelines = buildPipelines(agent.config, { logger: options.logger, telemetry });
  try {
    for (const pipeline of pipelines) await pipeline.start();
    options.onStarted?.(telemetry);
    await Promise.all(pipelines.map((pipeline) => pipeline.run(options.signal)));
  } finally {
    await Promise.all(pipelines.map((pipeline) => pipeline.shutdown()));
  }
  return pipelines.map((pipeline) => pipeline.result());
}
