import { isAbsolute } from 'node:path';
import type { Detector } from '../component/detector.ts';
import type { Sink } from '../component/sink.ts';
import type { Source } from '../component/source.ts';
import { ConfigError } from '../config/config-error.ts';
import type { JackwatchConfig, PipelineConfig, ResolvedComponent } from '../config/jackwatch-config.ts';
import { repeatedDetectorIssue } from '../config/repeated-detector.ts';
import { isDetectorBundle } from '../detection/detector-bundle.ts';
import { withPolicy } from '../detection/with-policy.ts';
import { FileCheckpointStore } from '../services/file-checkpoint-store.ts';
import { MemoryCheckpointStore } from '../services/memory-checkpoint-store.ts';
import { CounterSet } from '../services/telemetry.ts';
import { createComponentContext, type RuntimeServices } from './create-component-context.ts';
import { unionInterest } from '../detection/selection.ts';
import { Pipeline } from './pipeline.ts';
import type { Named, PipelineOptions } from './pipeline-parts.ts';
import { AccountedSink } from './accounted-sink.ts';
import { CountingErrorReporter } from './counting-error-reporter.ts';
import { RejectionReporter } from './rejection-reporter.ts';
import { shareSink } from './shared-sink.ts';
import { shareSource } from './shared-source.ts';
import { silentLogger } from '../services/logger.ts';

/** Options of {@link buildPipelines}. */
export interface BuildPipelinesOptions extends RuntimeServices {
  /** Extra pipeline options (in-flight limit, checkpoint cadence). */
  readonly pipeline?: Pick<PipelineOptions, 'maxInFlightBatches' | 'checkpointEvery' | 'orderingCapacity' | 'maxReplaySpan'>;
}

/**
 * Creates one {@link Pipeline} per `pipelines` entry of a validated config,
 * sharing the services given (one telemetry, one error reporter, one
 * checkpoint store rooted at the config's checkpoint directory). Detectors
 * and processors are created per pipeline; a source or sink listed by
 * several pipelines is created once and shared, as in the collector — a
 * source is read once and feeds each of them (see {@link shareSource}),
 * learning through `context.interest` what any of their detectors can match.
 * Each detector gets its config's `suppress`, `exceptions` and `evidence`
 * (else the pipeline's `evidence`); a {@link DetectorBundle} entry becomes
 * one detector per member, each with the entry's policy of its own.
 */
export function buildPipelines(config: JackwatchConfig, options: BuildPipelinesOptions = {}): Pipeline[] {
  const telemetry = options.telemetry ?? new CounterSet();
  const logger = options.logger ?? silentLogger;
  const services: RuntimeServices = {
    logger,
    telemetry,
    clock: options.clock,
    errors: CountingErrorReporter.wrap(options.errors ?? new RejectionReporter(telemetry, logger), telemetry),
    checkpoints: options.checkpoints ?? checkpointStoreOf(config),
    baseDir: options.baseDir ?? config.baseDir,
  };
  const pipelines = [...config.pipelines.values()];
  const detectors = pipelines.map((pipeline) => createDetectors(config, pipeline, services));
  const interests = detectors.map((list) => unionInterest(list.map((d) => d.component.interest)));
  const sources = sharedInstances(
    pipelines.map((p) => p.sources),
    (id, users) => create<Source>(lookup(config.sources, id), { ...services, interest: unionInterest(users.map((u) => interests[u]!)) }),
    shareSource,
  );
  const sinks = sharedInstances(
    pipelines.map((p) => p.sinks),
    (id) => AccountedSink.of(create<Sink>(lookup(config.sinks, id), services)),
    shareSink,
  );
  return pipelines.map(
    (pipeline, i) =>
      new Pipeline(
        {
          sources: pipeline.sources.map((id) => ({ id, component: sources.take(id) })),
          processors: pipeline.processors.map((id) => named(lookup(config.processors, id), services)),
          detectors: detectors[i]!,
          sinks: pipeline.sinks.map((id) => ({ id, component: sinks.take(id) })),
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
      ),
  );
}

function createDetectors(config: JackwatchConfig, pipeline: PipelineConfig, services: RuntimeServices): Named<Detector>[] {
  const created = new Map(pipeline.detectors.map((entry) => {
    const resolved = lookup(config.detectors, entry);
    const detector = create<Detector>(resolved, services);
    return [entry, { resolved, members: isDetectorBundle(detector) ? detector.members : [{ id: entry, detector }] }] as const;
  }));
  const repeated = repeatedDetectorIssue(config.file, pipeline, (entry) => created.get(entry)!.members.map((m) => m.id));
  if (repeated !== undefined) throw new ConfigError([repeated]);
  return [...created.values()].flatMap(({ resolved, members }) =>
    members.map(({ id, detector: member }) => {
      const policy = { exceptions: [], ...resolved.policy, evidence: resolved.policy?.evidence ?? pipeline.evidence };
      return { id, component: withPolicy(member, policy, { id, telemetry: services.telemetry }) };
    }),
  );
}

/**
 * One instance per component id however many pipelines list it (`make` is
 * told which pipelines, by index), split into one handle per listing;
 * `take(id)` hands them out in pipeline order.
 */
function sharedInstances<T>(idsPerPipeline: readonly (readonly string[])[], make: (id: string, users: number[]) => T, share: (component: T, consumers: number) => T[]): { take(id: string): T } {
  const users = new Map<string, number[]>();
  idsPerPipeline.forEach((ids, pipeline) => {
    for (const id of ids) users.set(id, [...(users.get(id) ?? []), pipeline]);
  });
  const handles = new Map([...users].map(([id, list]) => [id, share(make(id, list), list.length)]));
  return { take: (id) => handles.get(id)!.shift()! };
}

// Messages about a checkpoint give the `jackwatch checkpoints reset` command when the config is a file (an embedder may name it otherwise).
function checkpointStoreOf(config: JackwatchConfig): FileCheckpointStore | MemoryCheckpointStore {
  const checkpoints = config.service.checkpoints;
  if (checkpoints.store !== 'file') return new MemoryCheckpointStore();
  return new FileCheckpointStore(checkpoints.dir, { configFile: config.file !== undefined && isAbsolute(config.file) ? config.file : undefined });
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
