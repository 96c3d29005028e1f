import { buildPipelines, CounterSet, type ComponentStatus, type Logger, type Pipeline, type PipelineResult } from '@jackwatch/core';
import { startHealthEndpoint } from './health/start-health-endpoint.ts';
import type { AgentConfig } from './load-agent-config.ts';
import { checkTelemetryConfig } from './telemetry/check-telemetry-config.ts';
import { withConfigLines } from './locate-config-issues.ts';
import { startSelfTelemetry } from './telemetry/start-self-telemetry.ts';
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
 * The health endpoint (`service.health`) and the metric readers
 * (`service.telemetry`) run for as long; the readers export once more after
 * shutdown, so the last export holds the numbers of the run summary.
 * Throws only when a component fails to start (bad bucket, path, endpoint)
 * or an endpoint of the agent's own cannot listen. Tunes the process's
 * garbage collector for pipelines first (see {@link tuneHeapForPipelines}).
 */
export async function runAgent(agent: AgentConfig, options: RunAgentOptions): Promise<PipelineResult[]> {
  tuneHeapForPipelines();
  const { config } = agent;
  const telemetry = options.telemetry ?? new CounterSet();
  let pipelines: Pipeline[] | undefined;
  let started = false;
  const statuses = (): ComponentStatus[] | undefined => (started ? pipelines?.flatMap((pipeline) => pipeline.status()) : undefined);
  const health = config.service.health === undefined ? undefined : await startHealthEndpoint(config.service.health, statuses, options.logger);
  try {
    const metrics = await startSelfTelemetry(config, checkTelemetryConfig(config, agent.parsed), telemetry, options.logger);
    try {
      pipelines = withConfigLines(agent.parsed.locate, () => buildPipelines(config, { logger: options.logger, telemetry }));
      try {
        for (const pipeline of pipelines) await pipeline.start();
        started = true;
        options.onStarted?.(telemetry);
        await Promise.all(pipelines.map((pipeline) => pipeline.run(options.signal)));
      } finally {
        await Promise.all(pipelines.map((pipeline) => pipeline.shutdown()));
      }
    } finally {
      await metrics.shutdown();
    }
  } finally {
    await health?.close();
  }
  return pipelines.map((pipeline) => pipeline.result());
}
