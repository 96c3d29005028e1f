import type { ComponentContext } from '../component/component-context.ts';
import type { Interest } from '../event/interest.ts';
import type { CheckpointStore } from '../services/checkpoint-store.ts';
import { systemClock, type Clock } from '../services/clock.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import { silentLogger, type Logger } from '../services/logger.ts';
import { MemoryCheckpointStore } from '../services/memory-checkpoint-store.ts';
import { ReportingCheckpointStore } from '../services/reporting-checkpoint-store.ts';
import { METRICS } from '../services/metric-catalog.ts';
import { CounterSet, type Telemetry } from '../services/telemetry.ts';
import { CountingErrorReporter } from './counting-error-reporter.ts';
import { RejectionReporter } from './rejection-reporter.ts';

/** The services a runtime shares between its components; all optional. */
export interface RuntimeServices {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly checkpoints?: CheckpointStore;
  readonly telemetry?: Telemetry;
  readonly errors?: ErrorReporter;
  readonly interest?: Interest;
  readonly baseDir?: string;
}

/**
 * Builds the context a component is created with: the shared services, with
 * the logger bound to the component, the checkpoint store scoped to its id,
 * and error reports counted per component in `telemetry` (`jackwatch.component.errors`);
 * the age of the component's last checkpoint write is observed as
 * `jackwatch.checkpoint.commit.age`.
 * A checkpoint write that fails is reported once to `errors.error` (until
 * one succeeds again) and retried by the next; it never fails the component.
 * Defaults suit embedders and tests: silent logger, memory checkpoints.
 *
 * @example
 * ```ts
 * const sink = stdoutSinkFactory.create({ format: 'json', color: 'never' }, createComponentContext('stdout'));
 * ```
 */
export function createComponentContext(id: string, services: RuntimeServices = {}): ComponentContext {
  const telemetry = services.telemetry ?? new CounterSet();
  const logger = (services.logger ?? silentLogger).child({ component: id });
  const errors = CountingErrorReporter.wrap(services.errors ?? new RejectionReporter(telemetry, logger), telemetry);
  const clock = services.clock ?? systemClock;
  let lastWritten: number | undefined;
  const checkpoints = new ReportingCheckpointStore((services.checkpoints ?? new MemoryCheckpointStore()).scope(id), {
    failed: (error) => errors.error(id, error, { stage: 'checkpoint' }),
    failedAgain: (failures) => logger.debug(`checkpoint write failed again (${failures} in a row)`),
    recovered: (failures) => logger.info(`checkpoint written again after ${failures} failed write(s)`),
    written: () => (lastWritten = clock.now()),
  });
  const context: ComponentContext = {
    id,
    logger,
    clock,
    checkpoints,
    telemetry,
    errors,
    interest: services.interest ?? 'all',
    baseDir: services.baseDir ?? process.cwd(),
  };
  // Held weakly: once nothing can write through the store any more, the age stops being observed (see Observation).
  const held = new WeakRef(checkpoints);
  telemetry.observe(METRICS.checkpointAge.name, (record) => {
    if (held.deref() === undefined) return false;
    if (lastWritten !== undefined) record(Math.max(0, (clock.now() - lastWritten) / 1000), { component: id });
  });
  return context;
}
