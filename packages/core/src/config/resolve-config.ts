import { dirname, resolve } from 'node:path';
import type { ComponentRegistry } from '../registry/component-registry.ts';
import { didYouMean } from './did-you-mean.ts';
import { IssueCollector } from './issue-collector.ts';
import type { JackwatchConfig, MetricReaderConfig, ResolvedComponent, ServiceConfig } from './jackwatch-config.ts';
import { readPluginList, type ParsedConfigDocument } from './parsed-config-document.ts';
import { resolveComponents } from './resolve-components.ts';
import { resolvePipelines, type DefinedIds } from './resolve-pipelines.ts';
import { SecretIndex } from './secret-index.ts';
import { DEFAULT_CHECKPOINT_DIR } from './service-schema.ts';
import { COMPONENT_SECTIONS, TOP_LEVEL_KEYS, topLevelSchemas } from './top-level-schema.ts';
import { validateWithSchema } from './validate-with-schema.ts';

/** Options of {@link resolveConfig}. */
export interface ResolveConfigOptions {
  /** Directory for relative paths; default: the config file's directory, else the working directory. */
  readonly baseDir?: string;
}

type Section = (typeof COMPONENT_SECTIONS)[number]['section'];

/**
 * Validates a parsed config against the component factories in `registry`
 * and returns it resolved: defaults filled, durations in milliseconds,
 * every pipeline reference checked. Load plugins into the registry first.
 *
 * @throws {ConfigError} with every problem found, each at its file, path and line.
 * @example
 * ```ts
 * const parsed = parseConfigText(text, { file: 'jackwatch.yaml' });
 * await loadPlugins(parsed.plugins, registry);
 * const config = resolveConfig(parsed, registry);
 * ```
 */
export function resolveConfig(parsed: ParsedConfigDocument, registry: ComponentRegistry, options: ResolveConfigOptions = {}): JackwatchConfig {
  const issues = new IssueCollector(parsed);
  const { secrets } = parsed;
  const baseDir = resolve(options.baseDir ?? (parsed.file === undefined ? process.cwd() : dirname(resolve(parsed.file))));
  const root = parsed.value;
  if (root === null || root === undefined) {
    issues.error([], 'the config is empty; it needs "pipelines" and the components they use');
  } else if (typeof root !== 'object' || Array.isArray(root)) {
    issues.error([], `expected a mapping of sections at the top level, got ${Array.isArray(root) ? 'a list' : `a ${typeof root}`}`);
  }
  issues.throwIfErrors();
  const sections = root as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(sections)) {
    if (!(TOP_LEVEL_KEYS as string[]).includes(key)) issues.error([key], `unknown key "${key}"${didYouMean(key, TOP_LEVEL_KEYS)}`, 'key');
  }
  const check = { issues, secrets, owner: 'the config schema' };
  const plugins = validateWithSchema(topLevelSchemas.plugins, sections['plugins'], { ...check, path: ['plugins'] });
  const service = validateWithSchema(topLevelSchemas.service, sections['service'], { ...check, path: ['service'] });

  const components = {} as Record<Section, Map<string, ResolvedComponent>>;
  const defined = {} as Record<Section, readonly string[]>;
  for (const { section, kind } of COMPONENT_SECTIONS) {
    const entries = validateWithSchema(topLevelSchemas[section], sections[section], { ...check, path: [section] });
    defined[section] = entries.ok ? Object.keys(entries.value) : [];
    components[section] = entries.ok ? resolveComponents(kind, section, entries.value, { registry, issues, secrets }) : new Map();
  }
  const pipelineEntries = validateWithSchema(topLevelSchemas.pipelines, sections['pipelines'], { ...check, path: ['pipelines'] });
  const pipelines = pipelineEntries.ok ? resolvePipelines(pipelineEntries.value, defined as DefinedIds, { issues, secrets }) : new Map();

  issues.throwIfErrors();
  if (!plugins.ok || !service.ok) throw new Error('unreachable: a failed section always records an issue');
  return {
    file: parsed.file,
    baseDir,
    plugins: plugins.value,
    service: toServiceConfig(service.value, baseDir),
    sources: components.sources,
    processors: components.processors,
    detectors: components.detectors,
    sinks: components.sinks,
    pipelines,
    warnings: issues.warnings(),
  };
}

/** Options of {@link resolveConfigObject}. */
export interface ResolveConfigObjectOptions extends ResolveConfigOptions {
  /** A name for the config's origin in messages, e.g. `'embedded config'`. */
  readonly file?: string;
}

/**
 * Validates a config built in code as a plain object (the same shape as the
 * YAML file). There is no `${env:…}` expansion (read the environment in your
 * own code) and errors carry paths but no line numbers.
 *
 * @throws {ConfigError} with every problem found.
 */
export function resolveConfigObject(object: unknown, registry: ComponentRegistry, options: ResolveConfigObjectOptions = {}): JackwatchConfig {
  const parsed: ParsedConfigDocument = {
    file: options.file,
    value: object,
    plugins: readPluginList(object),
    locate: undefined,
    secrets: new SecretIndex(object, []),
  };
  return resolveConfig(parsed, registry, { baseDir: options.baseDir ?? process.cwd() });
}

function toServiceConfig(service: (typeof topLevelSchemas.service)['_zod']['output'], baseDir: string): ServiceConfig {
  const { checkpoints, logs, telemetry, health } = service;
  const readers = telemetry.metrics.readers.map((reader): MetricReaderConfig =>
    reader.periodic !== undefined
      ? { kind: 'periodic', interval: reader.periodic.interval, otlp: reader.periodic.exporter.otlp }
      : { kind: 'pull', host: reader.pull!.exporter.prometheus.host, port: reader.pull!.exporter.prometheus.port },
  );
  return {
    checkpoints: checkpoints.memory ? { store: 'memory' } : { store: 'file', dir: resolve(baseDir, checkpoints.dir ?? DEFAULT_CHECKPOINT_DIR) },
    logs,
    telemetry: { metrics: { readers } },
    ...(health !== undefined && { health: health.endpoint }),
  };
}
