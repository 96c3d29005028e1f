import type { z } from 'zod';
import type { ComponentContext } from './component-context.ts';
import type { ComponentKind, Stability } from './component-kind.ts';
import type { Detector } from './detector.ts';
import type { ProbeOptions, ProbeResult } from './probe.ts';
import type { Processor } from './processor.ts';
import type { RedeliveryReport, Sink } from './sink.ts';
import type { Source } from './source.ts';

/**
 * How a component type is made, after the collector's factories: a `type`
 * name, a strict zod schema whose defaults complete any partial config, and
 * `create`. First-party and plugin components use this same shape.
 *
 * @example
 * ```ts
 * const factory: SinkFactory<{ format: 'json' | 'pretty' }> = {
 *   kind: 'sink', type: 'stdout', stability: 'stable', description: 'Findings to stdout',
 *   configSchema: z.strictObject({ format: z.enum(['json', 'pretty']).default('json') }),
 *   create: (config, context) => new StdoutSink(config, context),
 * };
 * ```
 */
export interface ComponentFactory<Kind extends ComponentKind, Config, Component> {
  readonly kind: Kind;
  /** The type name used in config ids (`s3` in `s3/prod`). Lowercase, `a-z0-9-`. */
  readonly type: string;
  readonly stability: Stability;
  /** One line for `jackwatch components`. */
  readonly description: string;
  /** Strict schema (unknown keys are errors) with complete defaults: `parse({})` must succeed or name what is required. */
  readonly configSchema: z.ZodType<Config>;
  create(config: Config, context: ComponentContext): Component;
  /**
   * Optional: checks what can be checked without reading data (paths,
   * credentials, reachability and permissions, TLS), for
   * `jackwatch validate --probe`; the same contract as `ProbeCapability`.
   */
  probe?(config: Config, context: ComponentContext, options: ProbeOptions): Promise<readonly ProbeResult[]>;
}

/** Makes {@link Source}s. */
export type SourceFactory<Config = unknown> = ComponentFactory<'source', Config, Source>;
/** Makes {@link Processor}s. */
export type ProcessorFactory<Config = unknown> = ComponentFactory<'processor', Config, Processor>;
/** Makes {@link Detector}s. */
export type DetectorFactory<Config = unknown> = ComponentFactory<'detector', Config, Detector>;
/**
 * Makes {@link Sink}s. A sink that keeps a dead-letter file may also offer
 * `redeliver`, which `jackwatch redeliver` calls for every sink of a config
 * that has it — first-party or plugin alike.
 */
export interface SinkFactory<Config = unknown> extends ComponentFactory<'sink', Config, Sink> {
  /**
   * Sends the findings of this sink's dead-letter file again, with the
   * sink's own settings; what fails again goes back to the file. Resolves
   * `undefined` when there is nothing to redeliver (no dead-letter file).
   */
  redeliver?(config: Config, context: ComponentContext, signal?: AbortSignal): Promise<RedeliveryReport | undefined>;
}

/** Any component factory. */
export type AnyFactory = SourceFactory<any> | ProcessorFactory<any> | DetectorFactory<any> | SinkFactory<any>;
