import type { ComponentContext } from '../component/component-context.ts';
import type { Clock } from '../services/clock.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import { silentLogger } from '../services/logger.ts';
import { MemoryCheckpointStore } from '../services/memory-checkpoint-store.ts';
import { CounterSet } from '../services/telemetry.ts';

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

/** A {@link ComponentContext} for tests, whose telemetry and reported errors can be inspected. */
export interface TestContext extends ComponentContext {
  readonly telemetry: CounterSet;
  /** Everything passed to `errors.reject` / `errors.error`. */
  readonly reported: unknown[];
}

/**
 * A context to create a component with in a test: silent logger, in-memory
 * checkpoints, inspectable telemetry and errors, and a clock that throws
 * (pass `clock` to allow one, e.g. for a source).
 *
 * @example
 * ```ts
 * const context = testContext('aws-bedrock-list-models-failures/strict');
 * const detector = factory.create(factory.configSchema.parse({ threshold: 4 }), context);
 * ```
 */
export function testContext(id: string, overrides: Partial<Pick<ComponentContext, 'clock' | 'interest' | 'baseDir'>> = {}): TestContext {
  const reported: unknown[] = [];
  const errors: ErrorReporter = {
    reject: (rejection) => reported.push(rejection),
    error: (componentId, error, attributes) => reported.push({ componentId, error, attributes }),
  };
  return {
    id,
    logger: silentLogger,
    clock: overrides.clock ?? forbiddenClock,
    checkpoints: new MemoryCheckpointStore().scope(id),
    telemetry: new CounterSet(),
    errors,
    interest: overrides.interest ?? 'all',
    baseDir: overrides.baseDir ?? process.cwd(),
    reported,
  };
}
