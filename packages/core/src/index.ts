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
export type { Source, SourceBatch } from './component/source.ts';
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

// --- decoding (lead) ---

// --- config (config helper) ---

// --- detection primitives (detection helper) ---

// --- runtime (lead) ---
