/**
 * @jackwatch/core — event model, component model and registry, config,
 * pipeline runtime, detection primitives, findings and checkpoints.
 * No AWS SDK, no CLI, no console output, no global state.
 *
 * @packageDocumentation
 */

// --- events ---
export type { CloudTrailRecord, CloudTrailUserIdentity } from './event/cloudtrail-record.ts';
export type { TrailEvent, EventOrigin, EventOutcome } from './event/trail-event.ts';
export type { Rejection, RejectionReason } from './event/rejection.ts';
export type { Interest, EventSelector } from './event/interest.ts';

// --- findings ---
export type { Finding, FindingDetector, Severity, AttackMapping, AttackReference } from './finding/finding.ts';
export { findingId } from './finding/finding-id.ts';

// --- components ---
export type { ComponentKind, Stability } from './component/component-kind.ts';
export type { ComponentContext } from './component/component-context.ts';
export type {
  ComponentFactory,
  SourceFactory,
  ProcessorFactory,
  DetectorFactory,
  SinkFactory,
  AnyFactory,
} from './component/factory.ts';
export type { Source, SourceBatch, SourceProgress } from './component/source.ts';
export type { Processor } from './component/processor.ts';
export type { Sink, SinkStats } from './component/sink.ts';
export type { Detector, DetectorMeta, FindingEmitter } from './component/detector.ts';

// --- services ---
export type { Logger, LogAttributes } from './services/logger.ts';
export { silentLogger } from './services/logger.ts';
export type { Clock } from './services/clock.ts';
export { systemClock } from './services/clock.ts';
export type { Telemetry, CounterLabels, CounterValue } from './services/telemetry.ts';
export { CounterSet } from './services/telemetry.ts';
export type { CheckpointStore, CheckpointValue } from './services/checkpoint-store.ts';
export type { ErrorReporter } from './services/error-reporter.ts';
export { MemoryCheckpointStore } from './services/memory-checkpoint-store.ts';
export { FileCheckpointStore } from './services/file-checkpoint-store.ts';

// --- decoding (lead) ---
export { normalizeRecord, isRejection } from './event/normalize.ts';
export { parseEventTime } from './event/event-time.ts';
export { decodeDocument } from './decode/decode-document.ts';
export { decodeBuffer, isGzip, DEFAULT_MAX_INFLATED_SIZE } from './decode/decode-buffer.ts';
export type { DecodeBufferOptions } from './decode/decode-buffer.ts';
export { decodeNdjson } from './decode/decode-ndjson.ts';
export { decodeRecords } from './decode/decode-records.ts';
export { unwrapRecord } from './decode/unwrap-record.ts';
export type { DecodedBatch, DecodeOptions, InputLocation } from './decode/decoded-batch.ts';
export { RecordsSplitter, RECORDS_OPENING, isOversized } from './decode/records-splitter.ts';
export type { SplitEnd, SplitElement, OversizedElement } from './decode/records-splitter.ts';
export { RecordsBatch } from './decode/records-batch.ts';
export { DEFAULT_MAX_RECORD_SIZE, bytesOverLimit, oversizedRejection } from './decode/record-size.ts';
export { salvageRecords } from './decode/salvage-records.ts';
export { decodeRecordText } from './decode/decode-record-text.ts';

// --- config values (lead) ---
export { durationSchema, parseDuration, formatDuration } from './config/duration.ts';
export { sizeSchema, parseSize } from './config/size.ts';
export { parseComponentId } from './component/component-id.ts';
export type { ComponentId } from './component/component-id.ts';
export { ComponentRegistry, RegistryError } from './registry/component-registry.ts';
export type { FactoryRegistration } from './registry/component-registry.ts';
export {
  detectorPolicySchema,
  exceptionSchema,
  exceptionConditionSchema,
  suppressSchema,
  DETECTOR_POLICY_KEYS,
} from './detection/policy-schema.ts';
export type { DetectorPolicy, FindingException } from './detection/policy-schema.ts';

// --- config (config helper) ---
export { loadConfig } from './config/load-config.ts';
export type { LoadConfigOptions } from './config/load-config.ts';
export { parseConfigText } from './config/parse-config-text.ts';
export type { ParseConfigTextOptions } from './config/parse-config-text.ts';
export { resolveConfig, resolveConfigObject } from './config/resolve-config.ts';
export type { ResolveConfigOptions, ResolveConfigObjectOptions } from './config/resolve-config.ts';
export { redactConfig } from './config/redact.ts';
export { ConfigError } from './config/config-error.ts';
export { formatConfigIssue } from './config/config-issue.ts';
export type { ConfigIssue } from './config/config-issue.ts';
export { formatConfigPath } from './config/config-path.ts';
export type { ConfigPath } from './config/config-path.ts';
export type { ParsedConfigDocument } from './config/parsed-config-document.ts';
export type { SecretIndex } from './config/secret-index.ts';
export type { ConfigLocator, SourcePosition } from './config/yaml-source.ts';
export type { ConfigEnvironment } from './config/env-expansion.ts';
export type {
  JackwatchConfig,
  ResolvedComponent,
  PipelineConfig,
  ServiceConfig,
  CheckpointsConfig,
  LogsConfig,
  LogLevel,
} from './config/jackwatch-config.ts';

// --- detection primitives (detection helper) ---
export { match } from './detection/match.ts';
export type { MatchSpec } from './detection/match.ts';
export { threshold } from './detection/threshold.ts';
export type { ThresholdSpec, ThresholdFiring } from './detection/threshold.ts';
export { distinctCount } from './detection/distinct-count.ts';
export type { DistinctCountSpec, DistinctCountFiring } from './detection/distinct-count.ts';
export { sequence } from './detection/sequence.ts';
export type { SequenceSpec, SequenceStep, SequenceMatch } from './detection/sequence.ts';
export { fromOperator } from './detection/from-operator.ts';
export type { FromOperatorSpec, DetectionOperator } from './detection/from-operator.ts';
export { selectedTest, unionInterest } from './detection/selection.ts';
export type { Selection, Selected, EventTest } from './detection/selection.ts';
export { DETECTION_COUNTERS } from './detection/detector-spec.ts';
export { KeyedStateDetector } from './detection/keyed-state-detector.ts';
export type { KeyState, KeyedStateOptions } from './detection/keyed-state-detector.ts';
export type { DetectorSpec } from './detection/detector-spec.ts';
export { buildFinding, isoTime, orUnknown, UNKNOWN } from './detection/build-finding.ts';
export type { FindingContent, FindingInput } from './detection/build-finding.ts';
export { withPolicy } from './detection/with-policy.ts';
export { detectorBundle } from './detection/detector-bundle.ts';
export type { DetectorBundle, BundleMember } from './detection/detector-bundle.ts';
export type { PolicyOptions } from './detection/with-policy.ts';
export { globMatcher } from './detection/glob-matcher.ts';
export type { GlobMatcher } from './detection/glob-matcher.ts';
export { compareEventTime } from './detection/event-order.ts';
export { MinHeap } from './collections/min-heap.ts';

// --- processors (lead) ---
export { filterProcessorFactory, FilterProcessor, filterConfigSchema, filterRuleSchema } from './processors/filter/index.ts';
export type { FilterConfig } from './processors/filter/index.ts';
export type { FieldCondition } from './detection/condition-test.ts';

// --- runtime (lead) ---
export { Pipeline } from './runtime/pipeline.ts';
export type { PipelineParts, PipelineOptions, Named } from './runtime/pipeline-parts.ts';
export type { PipelineResult } from './runtime/pipeline-result.ts';
export { ReorderBuffer } from './runtime/reorder-buffer.ts';
export { createComponentContext } from './runtime/create-component-context.ts';
export { buildPipelines } from './runtime/build-pipelines.ts';
export type { BuildPipelinesOptions } from './runtime/build-pipelines.ts';
export type { RuntimeServices } from './runtime/create-component-context.ts';

// --- plugins & embedding (issue 7) ---
export { PLUGIN_API_VERSION, SUPPORTED_PLUGIN_API_VERSIONS } from './plugin/plugin-api-version.ts';
export { CORE_VERSION } from './version.ts';
export type { PluginManifest } from './plugin/plugin-manifest.ts';
export { definePlugin } from './plugin/define-plugin.ts';
export { PluginError } from './plugin/plugin-error.ts';
export { pluginManifestSchema } from './plugin/plugin-manifest-schema.ts';
export { validatePluginManifest } from './plugin/validate-plugin-manifest.ts';
export type { ValidatePluginOptions } from './plugin/validate-plugin-manifest.ts';
export { registerPlugin } from './plugin/register-plugin.ts';
export { loadFixtureEvents, FIXTURE_EVENT_FILE } from './plugin/load-fixture-events.ts';
export { createPipeline } from './embed/create-pipeline.ts';
export type { EmbedParts } from './embed/create-pipeline.ts';
export type { Nameable } from './embed/name-parts.ts';
export { EmbeddedPipeline } from './embed/embedded-pipeline.ts';
export { createPipelinesFromConfig } from './embed/create-pipelines-from-config.ts';
export type { ConfigPipelinesOptions } from './embed/create-pipelines-from-config.ts';
export { EmbeddedPipelines } from './embed/embedded-pipelines.ts';
export { detect } from './embed/detect.ts';
export type { DetectInput } from './embed/detect.ts';
export { DetectionSession } from './embed/detection-session.ts';
export type { DetectOptions } from './embed/detection-session.ts';
export { eventSource } from './embed/event-source.ts';
export type { EventInput, EventSourceOptions } from './embed/event-source.ts';
export { callbackSink } from './embed/callback-sink.ts';
