import type { Rejection } from '../event/rejection.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import type { Logger } from '../services/logger.ts';
import type { Telemetry } from '../services/telemetry.ts';
import { METRICS } from '../services/metric-catalog.ts';

/**
 * The pipeline's one error hook: counts rejections by reason and source, and
 * logs them with their origin — every one at debug, the first
 * `warnLimit` per reason at warn, so a file of a million bad lines cannot
 * flood the log. Component errors are logged at error level; the runtime
 * counts them per component (see `CountingErrorReporter`).
 */
export class RejectionReporter implements ErrorReporter {
  readonly #telemetry: Telemetry;
  readonly #logger: Logger;
  readonly #warnLimit: number;
  readonly #warned = new Map<string, number>();

  constructor(telemetry: Telemetry, logger: Logger, warnLimit = 20) {
    this.#telemetry = telemetry;
    this.#logger = logger;
    this.#warnLimit = warnLimit;
  }

  reject(rejection: Rejection): void {
    const { reason, origin, message } = rejection;
    this.#telemetry.add(METRICS.eventsRejected.name, 1, { reason, source: origin.source });
    const where = origin.index === -1 ? origin.location : `${origin.location}#${origin.index}`;
    const warned = this.#warned.get(reason) ?? 0;
    const attributes = { reason, source: origin.source, origin: where };
    if (warned < this.#warnLimit) {
      this.#warned.set(reason, warned + 1);
      this.#logger.warn(`rejected input: ${message}`, attributes);
      if (warned + 1 === this.#warnLimit) this.#logger.warn(`further "${reason}" rejections are logged at debug level only`);
    } else {
      this.#logger.debug(`rejected input: ${message}`, attributes);
    }
  }

  error(componentId: string, error: unknown, attributes: Readonly<Record<string, unknown>> = {}): void {
    this.#logger.error(error instanceof Error ? error.message : String(error), { component: componentId, ...attributes });
  }
}
