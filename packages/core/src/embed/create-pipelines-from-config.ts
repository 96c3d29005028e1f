import { ConfigError } from '../config/config-error.ts';
import type { ConfigIssue } from '../config/config-issue.ts';
import type { ConfigEnvironment } from '../config/env-expansion.ts';
import { parseConfigText } from '../config/parse-config-text.ts';
import type { ParsedConfigDocument } from '../config/parsed-config-document.ts';
import { resolveConfig, resolveConfigObject } from '../config/resolve-config.ts';
import { validatePluginManifest } from '../plugin/validate-plugin-manifest.ts';
import { registerPlugin } from '../plugin/register-plugin.ts';
import type { PluginManifest } from '../plugin/plugin-manifest.ts';
import { ComponentRegistry } from '../registry/component-registry.ts';
import { buildPipelines } from '../runtime/build-pipelines.ts';
import type { RuntimeServices } from '../runtime/create-component-context.ts';
import type { PipelineOptions } from '../runtime/pipeline-parts.ts';
import { MemoryCheckpointStore } from '../services/memory-checkpoint-store.ts';
import { CounterSet } from '../services/telemetry.ts';
import { EmbeddedPipelines } from './embedded-pipelines.ts';

/** Options of {@link createPipelinesFromConfig}. */
export interface ConfigPipelinesOptions extends Omit<RuntimeServices, 'interest'> {
  /**
   * The plugins the config may use, imported by you (an embedded config loads
   * no code by itself): each manifest is validated and registered, and each
   * name in the config's `plugins:` must be one of them. First-party
   * packages are passed the same way.
   */
  readonly plugins?: readonly PluginManifest[];
  /** A registry to register into and build from (default: a new, empty one). */
  readonly registry?: ComponentRegistry;
  /** For YAML text: the variables `${env:…}` reads. Default none — pass `process.env` to opt in. */
  readonly env?: ConfigEnvironment;
  /** A name for the config in messages (a file path, or e.g. `'tenant-a config'`). */
  readonly file?: string;
  /** In-flight and checkpoint cadence limits of every pipeline. */
  readonly pipeline?: Pick<PipelineOptions, 'maxInFlightBatches' | 'checkpointEvery' | 'orderingCapacity'>;
}

/**
 * Builds the pipelines of a config — YAML text or the same shape as a plain
 * object — for embedding: validated strictly as the agent does (every
 * problem at once, as a `ConfigError`), with each detector's `suppress` and
 * `exceptions` applied. Library defaults differ from the agent's: logs are
 * silent, `${env:…}` reads only `options.env`, and checkpoints stay in
 * memory unless the config names a `service.checkpoints.dir` (or you pass
 * a store). Nothing is shared with any other call.
 *
 * @throws {ConfigError} for an invalid config; {@link PluginError} for a bad manifest.
 * @example
 * ```ts
 * await using jackwatch = createPipelinesFromConfig(yamlText, { plugins: [firstParty, acmePlugin], logger });
 * jackwatch.findings.subscribe((f) => metrics.increment(f.detector.id));
 * await jackwatch.run(signal);
 * ```
 */
export function createPipelinesFromConfig(config: string | object, options: ConfigPipelinesOptions = {}): EmbeddedPipelines {
  const registry = options.registry ?? new ComponentRegistry();
  for (const plugin of options.plugins ?? []) registerPlugin(registry, validatePluginManifest(plugin));
  const parsed = typeof config === 'string' ? parseConfigText(config, { file: options.file, env: options.env ?? {} }) : undefined;
  checkPluginsProvided(typeof config === 'string' ? (parsed?.plugins ?? []) : pluginsOf(config), options.plugins ?? [], parsed, options.file);
  const baseDir = options.baseDir ?? process.cwd();
  const resolved = parsed ? resolveConfig(parsed, registry, { baseDir }) : resolveConfigObject(config, registry, { baseDir, file: options.file });
  const telemetry = options.telemetry ?? new CounterSet();
  const explicitDir = hasCheckpointDir(parsed ? parsed.value : config);
  const pipelines = buildPipelines(resolved, {
    ...options,
    telemetry,
    baseDir,
    checkpoints: options.checkpoints ?? (explicitDir ? undefined : new MemoryCheckpointStore()),
  });
  return new EmbeddedPipelines(resolved, pipelines, telemetry);
}

function checkPluginsProvided(named: readonly string[], given: readonly PluginManifest[], parsed: ParsedConfigDocument | undefined, file: string | undefined): void {
  const issues: ConfigIssue[] = [];
  named.forEach((name, index) => {
    if (given.some((manifest) => manifest.name === name)) return;
    const position = parsed?.locate?.(['plugins', index]);
    issues.push({
      file,
      path: ['plugins', index],
      line: position?.line,
      column: position?.column,
      message: `plugin "${name}" is named here but was not passed in options.plugins; an embedded config loads no code by itself: import the package and pass its manifest`,
    });
  });
  if (issues.length > 0) throw new ConfigError(issues);
}

function pluginsOf(config: object): readonly string[] {
  const plugins = (config as { plugins?: unknown }).plugins;
  return Array.isArray(plugins) ? plugins.filter((p): p is string => typeof p === 'string') : [];
}

function hasCheckpointDir(value: unknown): boolean {
  const service = typeof value === 'object' && value !== null ? (value as { service?: { checkpoints?: { dir?: unknown } } }).service : undefined;
  return typeof service?.checkpoints?.dir === 'string';
}
