import type { Rejection } from '../event/rejection.ts';

/**
 * The one place bad input goes after start: counted by reason and logged with
 * its origin. Components report here instead of throwing.
 */
export interface ErrorReporter {
  reject(rejection: Rejection): void;
  /**
   * An error-level failure of a component that did not stop the run: a
   * checkpoint not written, findings dead-lettered or lost, a retry given up.
   * The runtime counts each per component in the run's result, and the agent
   * exits 1 when there was any. A problem that is being retried and may still
   * resolve is a warning for the logger, not an error.
   */
  error(componentId: string, error: unknown, attributes?: Readonly<Record<string, unknown>>): void;
}
