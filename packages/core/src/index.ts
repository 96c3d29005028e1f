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
export type { Interest, EventSelector, SourceSelector, NameSelector } from './event/interest.ts';

// --- findings ---
export type { Finding, FindingDetector, Severity, AttackMapping, AttackReference } from './finding/finding.ts';
export { findingId } from './finding/finding-id.ts';
export { safeFinding, serializeFinding, DETAILS_OMITTED_KEY } from './finding/safe-finding.ts';
export { omittedEvidence, isOmittedEvidence, EVIDENCE_OMITTED_KEY } from './finding/omitted-evidence.ts';
export type { OmittedEvidence } from './finding/omitted-evidence.ts';
export { findingOutline, FINDING_INCOMPLETE_KEY } from './finding/finding-outline.ts';
export { DEFAULT_EVIDENCE_LIMITS } from './finding/evidence-limits.ts';
export type { EvidenceLimits } from './finding/evidence-limits.ts';

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
export { probeCheck } from './component/probe.ts';
export type { ProbeCapability, ProbeOptions, ProbeResult } from './component/probe.ts';
export type { Processor } from './component/processor.ts';
export type { RedeliveryReport, Sink, SinkStats } from './component/sink.ts';
export type { Detector, DetectorMeta, FindingEmitter } from './component/detector.ts';

// --- services ---
export type { Logger, LogAttributes } from './services/logger.ts';
export { backoffDelay } from './services/backoff.ts';
export type { BackoffPolicy } from './services/backoff.ts';
export { silentLogger } from './services/logger.ts';
export type { Clock } from './services/clock.ts';
export { systemClock } from './services/clock.ts';
export type { Telemetry, CounterLabels, CounterValue, LastError, Observation, ObservationRecorder } from './services/telemetry.ts';
export { CounterSet, MAX_ERROR_COMPONENTS } from './services/telemetry.ts';
export { METRICS, METRIC_DEFINITIONS } from './services/metric-catalog.ts';
export type { MetricDefinition, MetricKind } from './services/metric-catalog.ts';
export { maskMessage, MAX_MASKED_MESSAGE } from './services/mask-message.ts';
export { printable } from './services/printable-text.ts';
export type { CheckpointStore, CheckpointValue } from './services/checkpoint-store.ts';
export type { ErrorReporter } from './services/error-reporter.ts';
export { MemoryCheckpointStore } from './services/memory-checkpoint-store.ts';
export { FileCheckpointStore } from './services/file-checkpoint-store.ts';
export type { FileCheckpointStoreOptions } from './services/file-checkpoint-store.ts';
export { CheckpointError, CheckpointWriteError } from './services/checkpoint-error.ts';
export { checkpointFileName, checkpointFileOf, isCheckpointTemporaryOf } from './services/checkpoint-file-name.ts';
export { readCheckpointFile, MAX_CHECKPOINT_FILE_BYTES } from './services/checkpoint-file.ts';
export type { CheckpointFileContent } from './services/checkpoint-file.ts';
export { readCheckpoint } from './services/read-checkpoint.ts';
export { ReportingCheckpointStore } from './services/reporting-checkpoint-store.ts';
export type { CheckpointWriteHooks } from './services/reporting-checkpoint-store.ts';

// --- decoding (the rest of the decoders, for sources: `@jackwatch/core/decode`) ---
export { normalizeRecord, isRejection } from './event/normalize.ts';
export { decodeDocument } from './decode/decode-document.ts';
export { decodeBuffer } from './decode/decode-buffer.ts';
export type { DecodeBufferOptions } from './decode/decode-buffer.ts';
export { decodeRecords } from './decode/decode-records.ts';
export type { DecodedBatch, DecodeOptions, InputLocation } from './decode/decoded-batch.ts';

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
  evidenceModeSchema,
  DETECTOR_POLICY_KEYS,
} from './detection/policy-schema.ts';
export type { DetectorPolicy, FindingException } from './detection/policy-schema.ts';
export type { EvidenceMode } from './detection/compact-evidence.ts';

// --- config (reading, resolving and redacting config files: `@jackwatch/core/config`) ---
export { ConfigError } from './config/config-error.ts';
export { ComponentStartError } from './runtime/component-start-error.ts';

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
export { selectedTest, unionInterest, interestIncludes } from './detection/selection.ts';
export { actionMatcher } from './detection/action-matcher.ts';
export { cidrMatcher, isCidr } from './detection/cidr-matcher.ts';
export type { CidrMatcher } from './detection/cidr-matcher.ts';
export type { Selection, Selected, EventTest } from './detection/selection.ts';
export { DETECTION_COUNTERS } from './detection/detector-spec.ts';
export { KeyedStateDetector } from './detection/keyed-state-detector.ts';
export type { KeyState, KeyedStateOptions } from './detection/keyed-state-detector.ts';
export type { DetectorSpec } from './detection/detector-spec.ts';
export { buildFinding, isoTime, orUnknown, UNKNOWN } from './detection/build-finding.ts';
export { compactStateKey } from './detection/compact-state-key.ts';
export type { FindingContent, FindingInput } from './detection/build-finding.ts';
export { withPolicy } from './detection/with-policy.ts';
export { detectorBundle, isDetectorBundle } from './detection/detector-bundle.ts';
export type { DetectorBundle, BundleMember } from './detection/detector-bundle.ts';
export type { PolicyOptions } from './detection/with-policy.ts';
export { globMatcher } from './detection/glob-matcher.ts';
export { GLOB_LIMITS, globPatternProblem } from './detection/glob-pattern.ts';
export { globPatternSchema } from './detection/glob-schema.ts';
export type { GlobMatcher } from './detection/glob-matcher.ts';
export { pathGlobMatcher } from './detection/path-glob-matcher.ts';
export type { PathGlobMatcher } from './detection/path-glob-matcher.ts';
export { splitGlobRoot } from './detection/path-glob-root.ts';
export type { GlobRoot } from './detection/path-glob-root.ts';
export { compareEventTime } from './detection/event-order.ts';
export { MinHeap } from './collections/min-heap.ts';

// --- processors (lead) ---
export { filterProcessorFactory, FilterProcessor, filterConfigSchema, filterRuleSchema } from './processors/filter/index.ts';
export type { FilterConfig } from './processors/filter/index.ts';
export type { FieldCondition } from './detection/condition-test.ts';

// --- runtime (lead) ---
export { Pipeline } from './runtime/pipeline.ts';
export type { PipelineParts, PipelineOptions, Named } from './runtime/pipeline-parts.ts';
export type { PipelineResult, SkippedEntries } from './runtime/pipeline-result.ts';
export type { ComponentStatus, ComponentState, PipelineComponentKind } from './runtime/component-status.ts';
export { pipelineProblems } from './runtime/pipeline-problems.ts';
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
