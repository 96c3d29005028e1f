import type { Rejection } from '../event/rejection.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import { METRICS } from '../services/metric-catalog.ts';
import type { Telemetry } from '../services/telemetry.ts';

/**
 * Counts every error-level report (`error(...)`) as `jackwatch.component.errors`
 * labelled `{ component }` in `telemetry`, then passes it on. The pipeline
 * result reads these counts per component, and the agent exits 1 when there
 * is any. Rejections pass through uncounted here (the reporter behind counts
 * them by reason). The message of the last error is kept, masked, for
 * the agent's status page.
 */
export class CountingErrorReporter implements ErrorReporter {
  readonly #inner: ErrorReporter;
  readonly #telemetry: Telemetry;

  private constructor(inner: ErrorReporter, telemetry: Telemetry) {
    this.#inner = inner;
    this.#telemetry = telemetry;
  }

  /** `reporter` wrapped, or `reporter` itself when it already counts (so a report is never counted twice). */
  static wrap(reporter: ErrorReporter, telemetry: Telemetry): ErrorReporter {
    return reporter instanceof CountingErrorReporter ? reporter : new CountingErrorReporter(reporter, telemetry);
  }

  reject(rejection: Rejection): void {
    this.#inner.reject(rejection);
  }

  error(componentId: string, error: unknown, attributes?: Readonly<Record<string, unknown>>): void {
    this.#telemetry.add(METRICS.componentErrors.name, 1, { component: componentId });
    this.#telemetry.noteError(componentId, error, Date.now());
    this.#inner.error(componentId, error, attributes);
  }
}
