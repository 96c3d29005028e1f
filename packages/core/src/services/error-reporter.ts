import type { Rejection } from '../event/rejection.ts';

/**
 * The one place bad input goes after start: counted by reason and logged with
 * its origin. Components report here instead of throwing.
 */
export interface ErrorReporter {
  reject(rejection: Rejection): void;
  /** A non-fatal operational error of a component (a failed poll, a retry exhausted). */
  error(componentId: string, error: unknown, attributes?: Readonly<Record<string, unknown>>): void;
}
