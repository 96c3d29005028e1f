import { merge, type Observable } from 'rxjs';
import type { JackwatchConfig } from '../config/jackwatch-config.ts';
import type { Finding } from '../finding/finding.ts';
import type { Pipeline } from '../runtime/pipeline.ts';
import type { PipelineResult } from '../runtime/pipeline-result.ts';
import type { Telemetry } from '../services/telemetry.ts';

/**
 * The pipelines of one config, built for embedding: run them together,
 * stream their findings, shut them down (or `await using` them).
 */
export class EmbeddedPipelines implements AsyncDisposable {
  /** The validated config they were built from. */
  readonly config: JackwatchConfig;
  /** One per `pipelines:` entry, in config order. */
  readonly pipelines: readonly Pipeline[];
  /** The counters every pipeline of this config shares (and no one else). */
  readonly telemetry: Telemetry;
  #started: Promise<void> | undefined;

  constructor(config: JackwatchConfig, pipelines: readonly Pipeline[], telemetry: Telemetry) {
    this.config = config;
    this.pipelines = pipelines;
    this.telemetry = telemetry;
  }

  /** Every pipeline's findings as they are handed to the sinks; completes at shutdown. */
  get findings(): Observable<Finding> {
    return merge(...this.pipelines.map((pipeline) => pipeline.findings));
  }

  /** Starts every pipeline's sinks and sources once; a bad path or endpoint fails here. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      for (const pipeline of this.pipelines) await pipeline.start();
    })();
    return this.#started;
  }

  /** Runs every pipeline until its finite sources end or `signal` aborts (drain). */
  async run(signal?: AbortSignal): Promise<PipelineResult[]> {
    await this.start();
    return Promise.all(this.pipelines.map((pipeline) => pipeline.run(signal)));
  }

  /** Shuts every pipeline down; idempotent, safe without `start`. */
  async shutdown(): Promise<void> {
    await Promise.all(this.pipelines.map((pipeline) => pipeline.shutdown()));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown();
  }
}
