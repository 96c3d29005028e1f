/**
 * `@jackwatch/core/testing` — the authoring kit for detectors: CloudTrail
 * event builders that look real, a harness that feeds events the way the
 * runtime does (arrival order, batches, watermarks), a recording test context,
 * a manual clock, and the conformance kits.
 *
 * @packageDocumentation
 */

export { EventFactory, toTrailEvent } from './event-factory.ts';
export type { EventDefaults } from './event-factory.ts';
export { cloudTrailRecord, cloudTrailTime, DEFAULT_MODEL_ID, DEFAULT_USER_AGENT } from './cloudtrail-record.ts';
export type { RecordSpec } from './cloudtrail-record.ts';
export { iamUser, iamUserConsoleSession, assumedRole, awsService, rootUser, TEST_ACCOUNT } from './identities.ts';
export type { TestIdentity, IamUserOptions, AssumedRoleOptions } from './identities.ts';
export { uuidFromSeed, accessKeyIdFromSeed, principalIdFromSeed, seededRandom } from './seeded.ts';
export { runDetector } from './run-detector.ts';
export type { RunOptions, RunResult } from './run-detector.ts';
export { arrange } from './arrival-order.ts';
export type { ArrivalOrder } from './arrival-order.ts';
export { testContext, forbiddenClock } from './test-context.ts';
export type { TestContext, TestContextOptions } from './test-context.ts';
export { ManualClock } from './manual-clock.ts';
export type { ManualClockOptions } from './manual-clock.ts';
export { RecordingErrorReporter } from './recording-error-reporter.ts';
export type { ReportedError } from './recording-error-reporter.ts';
export { checkDetectorFactory } from './detector-conformance.ts';
export type { ConformanceOptions } from './detector-conformance.ts';
export { checkSourceFactory, checkSinkFactory } from './component-conformance.ts';
export type { LifecycleConformanceOptions } from './component-conformance.ts';
export { CollectingSink } from './collecting-sink.ts';
export { findingsFromSource } from './findings-from-source.ts';
export { loadFixtureEvents } from '../plugin/load-fixture-events.ts';
