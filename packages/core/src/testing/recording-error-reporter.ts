import type { Rejection } from '../event/rejection.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';

/** One call of {@link ErrorReporter.error}, as a {@link RecordingErrorReporter} kept it. */
export interface ReportedError {
  readonly componentId: string;
  readonly error: unknown;
  readonly attributes: Readonly<Record<string, unknown>> | undefined;
}

/** An {@link ErrorReporter} that keeps everything it is told, for assertions. */
export class RecordingErrorReporter implements ErrorReporter {
  /** Every rejected record, in order. */
  readonly rejections: Rejection[] = [];
  /** Every operational error, in order. */
  readonly errors: ReportedError[] = [];

  reject(rejection: Rejection): void {
    this.rejections.push(rejection);
  }

  error(componentId: string, error: unknown, attributes?: Readonly<Record<string, unknown>>): void {
    this.errors.push({ componentId, error, attributes });
  }

  /** The rejections of one reason. */
  of(reason: Rejection['reason']): Rejection[] {
    return this.rejections.filter((rejection) => rejection.reason === reason);
  }
}
