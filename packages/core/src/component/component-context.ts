import type { Interest } from '../event/interest.ts';
import type { CheckpointStore } from '../services/checkpoint-store.ts';
import type { Clock } from '../services/clock.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import type { Logger } from '../services/logger.ts';
import type { Telemetry } from '../services/telemetry.ts';

/**
 * Everything a component gets from the runtime. Services are injected here,
 * never imported as globals, so two pipelines in one process never share state.
 */
export interface ComponentContext {
  /** The component id from config: `type` or `type/name`. */
  readonly id: string;
  /** A logger already bound to `{ component: id }`. */
  readonly logger: Logger;
  readonly clock: Clock;
  /** A checkpoint store scoped to this component id. */
  readonly checkpoints: CheckpointStore;
  readonly telemetry: Telemetry;
  readonly errors: ErrorReporter;
  /**
   * For sources: the union of what the detectors downstream can match, so the
   * source may skip or push down everything else. `'all'` when unknown.
   */
  readonly interest: Interest;
  /** Directory of the config file, for resolving relative paths (the working directory when embedded). */
  readonly baseDir: string;
}
