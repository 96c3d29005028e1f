import type { Detector } from '../component/detector.ts';
import type { JackwatchConfig, PipelineConfig, ResolvedComponent } from '../config/jackwatch-config.ts';
import type { DetectorPolicy } from '../detection/policy-schema.ts';
import { FileCheckpointStore } from '../services/file-checkpoint-store.ts';
import { MemoryCheckpointStore } from '../services/memory-checkpoint-store.ts';
import { CounterSet } from '../services/telemetry.ts';
import { createComponentContext, type RuntimeServices } from './create-component-context.ts';
import { unionInterest } from './interest-union.ts';
import { Pipeline } from './pipeline.ts';
import type { Named, PipelineOptions } from './pipeline-parts.ts';
import { RejectionReporter } from './rejection-reporter.ts';
import { silentLogger } from '../services/logger.ts';

/** Wraps a detector with its config's suppression and exceptions. */
export type PolicyApplier = (detector: Detector, policy: DetectorPolicy, context: { id: string; services: RuntimeServices }) => Detector;

/** Options of {@link buildPipelines}. */
export interface BuildPipelinesOptions extends RuntimeServices {
  /** Applies `suppress`/`exceptions`; omit to run detectors without them. */
  readonly applyPolicy?: PolicyApplier;
  /** Extra pipeline options (in-flight limit, checkpoint cadence). */
  readonly pipeline?: Pick<PipelineOptions, 'maxInFlightBatches' | 'checkpointEvery' | 'orderingCapacity' | 'maxReplaySpan'>;
}

/**
 * Creates one {@link Pipeline} per `pipelines` entry of a validated config,
 * each with its own component instances, sharing the services given (one
 * telemetry, one error reporter, one checkpoint store rooted at the config's
 * checkpoint directory). Sources learn what their pipeline's detectors can
 * match through `context.interest`.
 */
export function buildPipelines(config: JackwatchConfig, options: BuildPipelinesOptions = {}): Pipeline[] {
  const telemetry = options.telemetry ?? new CounterSet();
  const logger = options.logger ?? silentLogger;
  const services: RuntimeServices = {
    logger,
    telemetry,
    clock: options.clock,
    errors: options.errors ?? new RejectionReporter(telemetry, logger),
    checkpoints: options.checkpoints ?? checkpointStoreOf(config),
    baseDir: options.baseDir ?? config.baseDir,
  };
  return [...config.pipelines.values()].map((pipeline) => buildPipeline(config, pipeline, services, options));
}

function buildPipeline(config: JackwatchConfig, pipeline: PipelineConfig, services: RuntimeServices, options: BuildPipelinesOptions): Pipeline {
  const detectors = pipeline.detectors.map((id) => {
    const resolved = lookup(config.detectors, id);
    let detector = create<Detector>(resolved, services);
    if (resolved.policy && options.applyPolicy) detector = options.applyPolicy(detector, resolved.policy, { id, services });
    return { id, component: detector };
  });
  const interest = unionInterest(detectors.map((d) => d.component.interest));
  return new Pipeline(
    {
      sources: pipeline.sources.map((id) => named(lookup(config.sources, id), { ...services, interest })),
      processors: pipeline.processors.map((id) => named(lookup(config.processors, id), services)),
      detectors,
      sinks: pipeline.sinks.map((id) => named(lookup(config.sinks, id), services)),
    },
    {
      ...options.pipeline,
      id: pipeline.id,
      allowedLateness: pipeline.allowedLateness,
      ordering: pipeline.ordering,
      telemetry: services.telemetry,
      logger: services.logger,
      errors: services.errors,
    },
  );
}

function checkpointStoreOf(config: JackwatchConfig): FileCheckpointStore | MemoryCheckpointStore {
  const checkpoints = config.service.checkpoints;
  return checkpoints.store === 'file' ? new FileCheckpointStore(checkpoints.dir) : new MemoryCheckpointStore();
}

function lookup(components: ReadonlyMap<string, ResolvedComponent>, id: string): ResolvedComponent {
  const component = components.get(id);
  if (!component) throw new Error(`component "${id}" is referenced by a pipeline but not defined`);
  return component;
}

function create<T>(resolved: ResolvedComponent, services: RuntimeServices): T {
  return resolved.factory.create(resolved.config as never, createComponentContext(resolved.id, services)) as T;
}

function named<T>(resolved: ResolvedComponent, services: RuntimeServices): Named<T> {
  return { id: resolved.id, component: create<T>(resolved, services) };
}
