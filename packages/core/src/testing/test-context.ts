import type { ComponentContext } from '../component/component-context.ts';
import type { Interest } from '../event/interest.ts';
import type { CheckpointStore } from '../services/checkpoint-store.ts';
import type { Clock } from '../services/clock.ts';
import { silentLogger, type Logger } from '../services/logger.ts';
import { MemoryCheckpointStore } from '../services/memory-checkpoint-store.ts';
import { CounterSet } from '../services/telemetry.ts';
import { RecordingErrorReporter } from './recording-error-reporter.ts';

/**
 * A clock that fails the test when read: detection runs in event time, so a
 * detector that calls `now()` or `sleep()` is a bug.
 */
export const forbiddenClock: Clock = {
  now: () => {
    throw new Error('a detector read the wall clock; detection must use event time only');
  },
  sleep: () => Promise.reject(new Error('a detector slept on the wall clock; detection must use event time only')),
};

/** A real {@link ComponentContext} for tests, whose telemetry and reported rejections and errors can be inspected. */
export interface TestContext extends ComponentContext {
  readonly telemetry: CounterSet;
  readonly errors: RecordingErrorReporter;
}

/** What {@link testContext} lets a test choose; everything else has a test default. */
export interface TestContextOptions {
  /** The clock; {@link forbiddenClock} by default. Give sources and sinks a `ManualClock` (or `systemClock`). */
  readonly clock?: Clock;
  /** What downstream detectors can match; `'all'` by default. */
  readonly interest?: Interest;
  /** Where relative paths resolve; the working directory by default. */
  readonly baseDir?: string;
  /**
   * The (unscoped) checkpoint store the context's `checkpoints` is scoped from,
   * by component id. Pass the same store to the next context to simulate a
   * restart; a fresh in-memory store by default.
   */
  readonly checkpoints?: CheckpointStore;
  /** The logger; silent by default. */
  readonly logger?: Logger;
}

/**
 * A context to create a component with in a test: silent logger, in-memory
 * checkpoints scoped to `id`, recording telemetry and error reporter, and a
 * clock that throws (pass `clock` for a source or sink).
 *
 * @example
 * ```ts
 * const context = testContext('aws-bedrock-list-models-failures/strict');
 * const detector = factory.create(factory.configSchema.parse({ threshold: 4 }), context);
 * ```
 */
export function testContext(id: string, options: TestContextOptions = {}): TestContext {
  return {
    id,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? forbiddenClock,
    checkpoints: (options.checkpoints ?? new MemoryCheckpointStore()).scope(id),
    telemetry: new CounterSet(),
    errors: new RecordingErrorReporter(),
    interest: options.interest ?? 'all',
    baseDir: options.baseDir ?? process.cwd(),
  };
}
