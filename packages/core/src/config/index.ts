/**
 * `@jackwatch/core/config` — the agent's config plumbing: reading a YAML
 * config file within its limits, resolving it against a component registry
 * into a {@link JackwatchConfig}, redacting it for display, and locating
 * problems by file, line and YAML path. An embedder that only runs a config
 * needs none of it: `createPipelinesFromConfig` from `@jackwatch/core` does all
 * of this, and throws a `ConfigError` (also on the root) listing every problem.
 *
 * @example
 * ```ts
 * import { ComponentRegistry } from '@jackwatch/core';
 * import { loadConfig } from '@jackwatch/core/config';
 * const config = await loadConfig('jackwatch.yaml', new ComponentRegistry());
 * ```
 *
 * @packageDocumentation
 */
export { loadConfig, readConfigFile } from './load-config.ts';
export type { LoadConfigOptions } from './load-config.ts';
export { parseConfigText } from './parse-config-text.ts';
export type { ParseConfigTextOptions } from './parse-config-text.ts';
export { readConfigText } from './read-config-text.ts';
export { CONFIG_LIMITS } from './config-limits.ts';
export { resolveConfig, resolveConfigObject } from './resolve-config.ts';
export type { ResolveConfigOptions, ResolveConfigObjectOptions } from './resolve-config.ts';
export { redactConfig } from './redact.ts';
export { ConfigError } from './config-error.ts';
export { formatConfigIssue } from './config-issue.ts';
export { repeatedDetectorIssue } from './repeated-detector.ts';
export type { ConfigIssue } from './config-issue.ts';
export { formatConfigPath } from './config-path.ts';
export type { ConfigPath } from './config-path.ts';
export type { ParsedConfigDocument } from './parsed-config-document.ts';
export type { SecretIndex } from './secret-index.ts';
export type { ConfigLocator, SourcePosition } from './yaml-source.ts';
export type { ConfigEnvironment } from './env-expansion.ts';
export type {
  JackwatchConfig,
  ResolvedComponent,
  PipelineConfig,
  ServiceConfig,
  CheckpointsConfig,
  LogsConfig,
  LogLevel,
  TelemetryConfig,
  MetricReaderConfig,
  HealthConfig,
} from './jackwatch-config.ts';
export { DEFAULT_HEALTH_ENDPOINT, DEFAULT_PROMETHEUS_PORT } from './telemetry-schema.ts';
