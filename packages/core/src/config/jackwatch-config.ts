import type { ComponentKind } from '../component/component-kind.ts';
import type { AnyFactory } from '../component/factory.ts';
import type { EvidenceMode } from '../detection/compact-evidence.ts';
import type { DetectorPolicy } from '../detection/policy-schema.ts';
import type { ConfigIssue } from './config-issue.ts';
import type { LOG_LEVELS } from './service-schema.ts';

/** A component from config, validated by its factory's schema and ready to `create`. */
export interface ResolvedComponent {
  /** The id from config: `type` or `type/name`. */
  readonly id: string;
  readonly kind: ComponentKind;
  readonly type: string;
  readonly name: string | undefined;
  readonly factory: AnyFactory;
  /** The output of the factory's `configSchema`: defaults filled, durations in ms. */
  readonly config: unknown;
  /** The detector's `suppress`, `exceptions` and `evidence`, split off its own options; `undefined` for other kinds. */
  readonly policy: DetectorPolicy | undefined;
}

/** One pipeline's wiring (component ids, in order) and event-time settings. */
export interface PipelineConfig {
  readonly id: string;
  readonly sources: readonly string[];
  readonly processors: readonly string[];
  readonly detectors: readonly string[];
  readonly sinks: readonly string[];
  /** Milliseconds: the watermark is the maximum event time seen minus this (default 15 minutes). */
  readonly allowedLateness: number;
  /** When set, events are sorted within `lateness` ms before the detectors. */
  readonly ordering: { readonly lateness: number } | undefined;
  /** What its detectors keep of the events they hold, where a detector sets no `evidence` of its own. */
  readonly evidence: EvidenceMode;
}

/** Where checkpoints are kept: an absolute directory, or in memory (lost at exit). */
export type CheckpointsConfig = { readonly store: 'file'; readonly dir: string } | { readonly store: 'memory' };

/** A log level of the agent's own logs. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The agent's own logs. */
export interface LogsConfig {
  readonly level: LogLevel;
  readonly format: 'text' | 'json';
}

/** One metric reader of `service.telemetry.metrics.readers`. */
export type MetricReaderConfig =
  | {
      readonly kind: 'periodic';
      /** Milliseconds between exports. */
      readonly interval: number;
      /** The `otlp` exporter's options as written; the agent validates them with the `otlp` sink's schema. */
      readonly otlp: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'pull'; readonly host: string; readonly port: number };

/** `service.telemetry`: the agent's own metrics. */
export interface TelemetryConfig {
  readonly metrics: { readonly readers: readonly MetricReaderConfig[] };
}

/** `service.health`: where the health endpoints listen. */
export interface HealthConfig {
  readonly host: string;
  readonly port: number;
}

/** The `service` section, defaults filled. */
export interface ServiceConfig {
  readonly checkpoints: CheckpointsConfig;
  readonly logs: LogsConfig;
  readonly telemetry: TelemetryConfig;
  /** Absent: no health endpoint. */
  readonly health?: HealthConfig;
}

/** A validated config: everything the runtime needs to build the pipelines. */
export interface JackwatchConfig {
  /** The config file, as given; `undefined` for a config built in code. */
  readonly file: string | undefined;
  /** Absolute directory that relative paths in the config are resolved against. */
  readonly baseDir: string;
  readonly plugins: readonly string[];
  readonly service: ServiceConfig;
  readonly sources: ReadonlyMap<string, ResolvedComponent>;
  readonly processors: ReadonlyMap<string, ResolvedComponent>;
  readonly detectors: ReadonlyMap<string, ResolvedComponent>;
  readonly sinks: ReadonlyMap<string, ResolvedComponent>;
  readonly pipelines: ReadonlyMap<string, PipelineConfig>;
  /** Problems that do not stop the config from loading (a component no pipeline uses). */
  readonly warnings: readonly ConfigIssue[];
}
